{{/*
The service's Service, on the container port named http. A nodePort is set only when the type is
NodePort and the chart has a service.nodePort value (the frontend's; the backend stays internal).
*/}}
{{- define "todo-common.service" -}}
apiVersion: v1
kind: Service
metadata:
  {{- include "todo-common.metadata" . | nindent 2 }}
spec:
  type: {{ .Values.service.type }}
  ports:
    - name: http
      port: {{ .Values.service.port }}
      targetPort: http
      protocol: TCP
      {{- if and (eq .Values.service.type "NodePort") .Values.service.nodePort }}
      nodePort: {{ .Values.service.nodePort }}
      {{- end }}
  selector:
    {{- include "todo-common.selectorLabels" . | nindent 4 }}
{{- end }}

{{/*
A PodDisruptionBudget, only when there is more than one replica to keep (podinfo does the same):
replicaCount, or autoscaling.minReplicas when the autoscaler owns the count. It allows
maxUnavailable pods down at once rather than requiring a number up, so it never blocks a node
drain at the autoscaler's minimum.
*/}}
{{- define "todo-common.podDisruptionBudget" -}}
{{- if and .Values.podDisruptionBudget.enabled (gt (int (include "todo-common.minReplicas" .)) 1) }}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  {{- include "todo-common.metadata" . | nindent 2 }}
spec:
  maxUnavailable: {{ .Values.podDisruptionBudget.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "todo-common.selectorLabels" . | nindent 6 }}
{{- end }}
{{- end }}

{{/*
The ConfigMap the pods read as their environment: the settings both services take (environment,
drain delay, log level, metrics on or off, the OTLP endpoint when traces are wanted;
docs/CONFIGURATION.md), then the chart's own "data" (YAML lines).
  {{ include "todo-common.configMap" (dict "context" . "data" (include "backend.config" .)) }}
*/}}
{{- define "todo-common.configMap" -}}
{{- $root := .context -}}
apiVersion: v1
kind: ConfigMap
metadata:
  {{- include "todo-common.metadata" $root | nindent 2 }}
data:
  ASPNETCORE_ENVIRONMENT: {{ $root.Values.config.environment | quote }}
  Shutdown__DrainDelaySeconds: {{ $root.Values.config.drainDelaySeconds | quote }}
  Logging__LogLevel__Default: {{ $root.Values.config.logLevel | quote }}
  Telemetry__Metrics__Enabled: {{ $root.Values.metrics.enabled | quote }}
  {{- with $root.Values.tracing.otlpEndpoint }}
  OTEL_EXPORTER_OTLP_ENDPOINT: {{ . | quote }}
  OTEL_EXPORTER_OTLP_PROTOCOL: {{ $root.Values.tracing.otlpProtocol | quote }}
  {{- end }}
  {{- with .data }}
  {{- . | nindent 2 }}
  {{- end }}
{{- end }}

{{/*
A `helm test` pod that runs the service image's own health-check command (no shell, nothing to
pull) with "args"; it passes when the command exits 0. Named <fullname>-test-<name>.
  {{ include "todo-common.testPod" (dict "context" . "name" "ready" "args" (list "healthcheck" $url)) }}
*/}}
{{- define "todo-common.testPod" -}}
{{- $root := .context -}}
apiVersion: v1
kind: Pod
metadata:
  name: {{ include "todo-common.fullname" $root }}-test-{{ .name }}
  labels:
    app.kubernetes.io/component: test
    app.kubernetes.io/instance: {{ $root.Release.Name }}
  annotations:
    helm.sh/hook: test
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  restartPolicy: Never
  automountServiceAccountToken: false
  securityContext:
    {{- toYaml $root.Values.podSecurityContext | nindent 4 }}
  containers:
    - name: probe
      image: {{ include "todo-common.image" $root | quote }}
      imagePullPolicy: {{ $root.Values.image.pullPolicy }}
      args: {{ toJson .args }}
      securityContext:
        {{- toYaml $root.Values.securityContext | nindent 8 }}
      resources:
        limits:
          cpu: 200m
          memory: 128Mi
        requests:
          cpu: 50m
          memory: 64Mi
{{- end }}
