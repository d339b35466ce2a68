{{/* What only the backend does. Names, labels and the pod template are in helm/todo-common. */}}

{{/* The Secret the pods read: the one named by existingSecret, or the chart's own. */}}
{{- define "backend.secretName" -}}
{{- default (include "todo-common.fullname" .) .Values.existingSecret }}
{{- end }}

{{/*
True when the umbrella chart runs the development PostgreSQL (global.postgresql.enabled): the
database is then todo-common.postgresql.fullname, user and database `todo`, its password in that
Secret.
*/}}
{{- define "backend.inClusterDatabase" -}}
{{- if dig "postgresql" "enabled" false (.Values.global | default dict) }}true{{ end }}
{{- end }}

{{/*
The JWT signing secret for the chart's own Secret: secrets.jwtSecret when given; else, with the
development switch secrets.generateJwtSecret, the one the Secret already holds (so an upgrade keeps
everyone signed in) or a new random one; else the install fails, naming the value. Called with
(dict "context" . "existing" <the chart's Secret from lookup, or an empty dict>), as the database
password is, so a test can give it either case.
*/}}
{{- define "backend.jwtSecret" -}}
{{- $root := .context }}
{{- if $root.Values.secrets.jwtSecret }}
{{- $root.Values.secrets.jwtSecret }}
{{- else if $root.Values.secrets.generateJwtSecret }}
{{- include "todo-common.keptRandom" (dict "existing" .existing "key" $root.Values.secretKeys.jwtSecret "length" 64) | b64dec }}
{{- else }}
{{- required "set secrets.jwtSecret (openssl rand -base64 48) or name an existingSecret (development only: secrets.generateJwtSecret=true)" "" }}
{{- end }}
{{- end }}

{{/*
What the chart's Secret is made from, for the pods' checksum/secret: the values, not the rendered
Secret, whose generated JWT secret differs on every `helm template` and first install.
*/}}
{{- define "backend.secretChecksum" -}}
{{- pick .Values "existingSecret" "secretKeys" "secrets" | toJson }}
{{- end }}

{{/* Environment of the migrate init container and the API container (extraEnv follows it). */}}
{{- define "backend.env" -}}
{{- if include "backend.inClusterDatabase" . -}}
{{- $database := include "todo-common.postgresql.fullname" . -}}
- name: DATABASE_URL
  value: {{ printf "postgresql://todo@%s:5432/todo" $database | quote }}
- name: DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $database }}
      key: password
{{- else -}}
- name: DATABASE_URL
  valueFrom:
    secretKeyRef:
      name: {{ include "backend.secretName" . }}
      key: {{ .Values.secretKeys.databaseUrl }}
{{- end }}
- name: JWT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ include "backend.secretName" . }}
      key: {{ .Values.secretKeys.jwtSecret }}
- name: GROQ_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "backend.secretName" . }}
      key: {{ .Values.secretKeys.groqApiKey }}
      optional: true
- name: OPENAI_API_KEY
  valueFrom:
    secretKeyRef:
      name: {{ include "backend.secretName" . }}
      key: {{ .Values.secretKeys.openaiApiKey }}
      optional: true
{{- end }}
