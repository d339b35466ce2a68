{{/*
The development database's name: <release>-postgresql, at most 52 characters (a StatefulSet's
pods add a suffix and a revision label to it). The backend chart derives the same name when
global.postgresql.enabled is true (backend.env in its _helpers.tpl); the two must agree.
*/}}
{{- define "todo-chatbot.postgresql.fullname" -}}
{{- printf "%s-postgresql" .Release.Name | trunc 52 | trimSuffix "-" }}
{{- end }}

{{- define "todo-chatbot.postgresql.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | trunc 63 | trimSuffix "-" }}
{{ include "todo-chatbot.postgresql.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.postgresql.image.tag | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: database
app.kubernetes.io/part-of: todo-chatbot
{{- end }}

{{- define "todo-chatbot.postgresql.selectorLabels" -}}
app.kubernetes.io/name: postgresql
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
The database password, base64-encoded for a Secret's data: the one the existing Secret holds, so
it is generated once and kept across upgrades (the data directory on the volume was initialised
with it), or a new random one on first install. Called with (dict "existing" <the Secret from
lookup, or an empty dict>): `lookup` finds nothing under `helm template` and --dry-run, so the
choice is made here, where a test can give it either case.
*/}}
{{- define "todo-chatbot.postgresql.password" -}}
{{- $data := get (.existing | default dict) "data" | default dict }}
{{- get $data "password" | default (randAlphaNum 32 | b64enc) }}
{{- end }}
