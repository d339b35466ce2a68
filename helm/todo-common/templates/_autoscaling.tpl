{{/*
The replicas the service keeps at the least: autoscaling.minReplicas when the HorizontalPodAutoscaler
owns the count, else replicaCount. The PodDisruptionBudget follows it.
*/}}
{{- define "todo-common.minReplicas" -}}
{{- if .Values.autoscaling.enabled }}{{ .Values.autoscaling.minReplicas }}{{ else }}{{ .Values.replicaCount }}{{ end }}
{{- end }}

{{/*
A HorizontalPodAutoscaler (autoscaling/v2) for the Deployment, when autoscaling.enabled: between
minReplicas and maxReplicas, on average CPU and (when targetMemoryUtilizationPercentage is set)
memory use, as percentages of resources.requests, which must therefore be set. The Deployment then
has no `replicas` of its own, so an upgrade never resets what the autoscaler chose.
*/}}
{{- define "todo-common.horizontalPodAutoscaler" -}}
{{- with .Values.autoscaling }}
{{- if .enabled }}
{{- if gt (int .minReplicas) (int .maxReplicas) }}
{{- fail (printf "autoscaling.minReplicas (%v) is above autoscaling.maxReplicas (%v)" .minReplicas .maxReplicas) }}
{{- end }}
{{- $requests := $.Values.resources.requests | default dict }}
{{- if and .targetCPUUtilizationPercentage (not $requests.cpu) }}
{{- fail "autoscaling.targetCPUUtilizationPercentage needs resources.requests.cpu: utilization is a percentage of the request" }}
{{- end }}
{{- if and .targetMemoryUtilizationPercentage (not $requests.memory) }}
{{- fail "autoscaling.targetMemoryUtilizationPercentage needs resources.requests.memory: utilization is a percentage of the request" }}
{{- end }}
{{- if not (or .targetCPUUtilizationPercentage .targetMemoryUtilizationPercentage) }}
{{- fail "autoscaling needs a target: set autoscaling.targetCPUUtilizationPercentage or autoscaling.targetMemoryUtilizationPercentage" }}
{{- end }}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  {{- include "todo-common.metadata" $ | nindent 2 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "todo-common.fullname" $ }}
  minReplicas: {{ .minReplicas }}
  maxReplicas: {{ .maxReplicas }}
  metrics:
    {{- range $resource, $target := dict "cpu" .targetCPUUtilizationPercentage "memory" .targetMemoryUtilizationPercentage }}
    {{- if $target }}
    - type: Resource
      resource:
        name: {{ $resource }}
        target:
          type: Utilization
          averageUtilization: {{ $target }}
    {{- end }}
    {{- end }}
{{- end }}
{{- end }}
{{- end }}
