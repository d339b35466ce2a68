{{/*
The development database's name, <release>-postgresql, is todo-common.postgresql.fullname: the
backend chart connects to the same name.
*/}}

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
{{- include "todo-common.keptRandom" (dict "existing" .existing "key" "password" "length" 32) }}
{{- end }}
