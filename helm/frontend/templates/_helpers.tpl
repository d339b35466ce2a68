{{/* What only the frontend does. Names, labels and the pod template are in helm/todo-common. */}}

{{/*
The backend Service the proxy forwards to: backendService.name, or the name the backend chart
gives its Service in the same release (<release>-backend), so the umbrella chart needs no setting.
*/}}
{{- define "frontend.backendUrl" -}}
{{- if .Values.backendService.url }}
{{- .Values.backendService.url }}
{{- else }}
{{- $name := .Values.backendService.name | default (ternary .Release.Name (printf "%s-backend" .Release.Name) (contains "backend" .Release.Name)) }}
{{- printf "http://%s:%v" ($name | trunc 63 | trimSuffix "-") .Values.backendService.port }}
{{- end }}
{{- end }}
