{{/* Chart name, truncated to the 63 characters Kubernetes allows in a name. */}}
{{- define "backend.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: <release>-<chart>, or the release name alone when it already contains the chart name
(helm install todo-backend … → todo-backend).
*/}}
{{- define "backend.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "backend.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "backend.labels" -}}
helm.sh/chart: {{ include "backend.chart" . }}
{{ include "backend.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: api
app.kubernetes.io/part-of: todo-chatbot
{{- end }}

{{- define "backend.selectorLabels" -}}
app.kubernetes.io/name: {{ include "backend.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "backend.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}

{{/* The Secret the pods read: the one named by existingSecret, or the chart's own. */}}
{{- define "backend.secretName" -}}
{{- default (include "backend.fullname" .) .Values.existingSecret }}
{{- end }}

{{/*
True when the umbrella chart runs the development PostgreSQL (global.postgresql.enabled): the
database is then <release>-postgresql, user and database `todo`, its password in that Secret.
*/}}
{{- define "backend.inClusterDatabase" -}}
{{- if dig "postgresql" "enabled" false (.Values.global | default dict) }}true{{ end }}
{{- end }}

{{/* Environment shared by the migrate init container and the API container. */}}
{{- define "backend.env" -}}
{{- if include "backend.inClusterDatabase" . -}}
{{- $database := printf "%s-postgresql" .Release.Name | trunc 52 | trimSuffix "-" -}}
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
{{- with .Values.extraEnv }}
{{ toYaml . }}
{{- end }}
{{- end }}
