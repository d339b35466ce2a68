{{/*
Names and labels, as `helm create` and the big chart collections make them. Every helper takes
the calling chart's context (`.`), so `.Chart` and `.Values` are the service chart's own.
*/}}

{{/* Chart name, truncated to the 63 characters Kubernetes allows in a name. */}}
{{- define "todo-common.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Full name: <release>-<chart>, or the release name alone when it already contains the chart name
(helm install todo-backend helm/backend → todo-backend).
*/}}
{{- define "todo-common.fullname" -}}
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

{{- define "todo-common.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
What the service is (api, web) is the chart's identity, not a setting: it is read from the
annotation app.kubernetes.io/component in the service chart's Chart.yaml.
*/}}
{{- define "todo-common.component" -}}
{{- required (printf "%s/Chart.yaml: set annotations.\"app.kubernetes.io/component\"" .Chart.Name) (index (.Chart.Annotations | default dict) "app.kubernetes.io/component") }}
{{- end }}

{{- define "todo-common.labels" -}}
helm.sh/chart: {{ include "todo-common.chart" . }}
{{ include "todo-common.selectorLabels" . }}
app.kubernetes.io/version: {{ .Values.image.tag | default .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: {{ include "todo-common.component" . }}
app.kubernetes.io/part-of: todo-chatbot
{{- end }}

{{/* Selector labels: fixed for the life of a release (a Deployment's selector cannot change). */}}
{{- define "todo-common.selectorLabels" -}}
app.kubernetes.io/name: {{ include "todo-common.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* An object's name and labels: `metadata:` {{ include "todo-common.metadata" . | nindent 2 }}. */}}
{{- define "todo-common.metadata" -}}
name: {{ include "todo-common.fullname" . }}
labels:
  {{- include "todo-common.labels" . | nindent 2 }}
{{- end }}

{{/* The image reference; the tag defaults to the chart's appVersion (never "latest": the schema refuses it). */}}
{{- define "todo-common.image" -}}
{{- printf "%s:%s" .Values.image.repository (.Values.image.tag | default .Chart.AppVersion) }}
{{- end }}
