{{/*
The services serve Prometheus metrics at /metrics on their http port (metrics.enabled, the
setting Telemetry__Metrics__Enabled). Two optional ways for Prometheus to find them, both off by
default: the prometheus.io/* pod annotations (metrics.scrapeAnnotations), and a ServiceMonitor for
the Prometheus Operator (metrics.serviceMonitor.enabled), rendered only when the cluster serves
the monitoring.coreos.com/v1 API, so an install on a cluster without the operator still succeeds.
*/}}
{{- define "todo-common.metricsPath" -}}/metrics{{- end }}

{{/* The pod annotations (YAML lines) of metrics.scrapeAnnotations, for the given container port. */}}
{{- define "todo-common.scrapeAnnotations" -}}
{{- if and .context.Values.metrics.enabled .context.Values.metrics.scrapeAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .containerPort | quote }}
prometheus.io/path: {{ include "todo-common.metricsPath" . | quote }}
{{- end }}
{{- end }}

{{- define "todo-common.serviceMonitor" -}}
{{- with .Values.metrics.serviceMonitor }}
{{- if .enabled }}
{{- if not $.Values.metrics.enabled }}
{{- fail "metrics.serviceMonitor.enabled needs metrics.enabled: there is nothing to scrape" }}
{{- end }}
{{- if $.Capabilities.APIVersions.Has "monitoring.coreos.com/v1" }}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ include "todo-common.fullname" $ }}
  labels:
    {{- include "todo-common.labels" $ | nindent 4 }}
    {{- with .labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  selector:
    matchLabels:
      {{- include "todo-common.selectorLabels" $ | nindent 6 }}
  endpoints:
    - port: http
      path: {{ include "todo-common.metricsPath" $ }}
      interval: {{ .interval }}
      scrapeTimeout: {{ .scrapeTimeout }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
