{{/*
The Deployment both services run: rolling updates that never go below the replicas asked for (no
`replicas` when the HorizontalPodAutoscaler owns the count), the
restricted security contexts, a writable /tmp on the read-only root, the probes on the app's own
endpoints, and the scheduling values. What differs between the services comes in as arguments:

  {{ include "todo-common.deployment" (dict
       "context" .                       the service chart's context
       "containerPort" 8001              the port the image listens on (fixed by its Dockerfile)
       "env" "backend.env"               optional: a template rendering env entries (extraEnv follows)
       "initContainers" (list (dict "name" "migrate" "args" (list "migrate")))
                                         optional: run first, with the same image, env and limits
       "checksums" (dict "config" $text) annotations checksum/<name>: a change rolls the pods
  ) }}
*/}}
{{- define "todo-common.deployment" -}}
{{- $root := .context -}}
{{- $args := . -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  {{- include "todo-common.metadata" $root | nindent 2 }}
spec:
  {{- if not $root.Values.autoscaling.enabled }}
  replicas: {{ $root.Values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      # Never fewer ready pods than asked for during an update.
      maxUnavailable: 0
      maxSurge: 1
  selector:
    matchLabels:
      {{- include "todo-common.selectorLabels" $root | nindent 6 }}
  template:
    metadata:
      annotations:
        # A changed ConfigMap or Secret rolls the pods.
        {{- range $name, $content := .checksums }}
        checksum/{{ $name }}: {{ $content | sha256sum }}
        {{- end }}
        {{- with include "todo-common.scrapeAnnotations" (dict "context" $root "containerPort" .containerPort) | trim }}
        {{- . | nindent 8 }}
        {{- end }}
        {{- with $root.Values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
      labels:
        {{- include "todo-common.labels" $root | nindent 8 }}
        {{- with $root.Values.podLabels }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      automountServiceAccountToken: false
      enableServiceLinks: false
      {{- with $root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml $root.Values.podSecurityContext | nindent 8 }}
      terminationGracePeriodSeconds: {{ $root.Values.terminationGracePeriodSeconds }}
      {{- with .initContainers }}
      initContainers:
        {{- range . }}
        - name: {{ .name }}
          {{- include "todo-common.container" (dict "context" $root "args" .args "env" $args.env) | nindent 10 }}
        {{- end }}
      {{- end }}
      containers:
        - name: {{ $root.Chart.Name }}
          {{- include "todo-common.container" (dict "context" $root "env" .env "containerPort" .containerPort) | nindent 10 }}
      volumes:
        - name: tmp
          emptyDir:
            sizeLimit: 64Mi
      {{- with $root.Values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $root.Values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $root.Values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $root.Values.topologySpreadConstraints }}
      topologySpreadConstraints:
        {{- include "todo-common.topologySpreadConstraints" $root | trim | nindent 8 }}
      {{- end }}
{{- end }}

{{/*
One container of the pod (everything after its name): the chart's image, the ConfigMap and env,
the restricted security context, resources and the /tmp mount. With "containerPort" it is the
service itself, with the http port and the probes; with "args" it is an init container.
*/}}
{{- define "todo-common.container" -}}
{{- $root := .context -}}
image: {{ include "todo-common.image" $root | quote }}
imagePullPolicy: {{ $root.Values.image.pullPolicy }}
{{- with .args }}
args: {{ toJson . }}
{{- end }}
{{- with .containerPort }}
ports:
  - name: http
    containerPort: {{ . }}
    protocol: TCP
{{- end }}
envFrom:
  - configMapRef:
      name: {{ include "todo-common.fullname" $root }}
{{- $env := "" }}
{{- if .env }}{{ $env = include .env $root }}{{ end }}
{{- if or $env $root.Values.extraEnv }}
env:
  {{- with $env }}
  {{- . | nindent 2 }}
  {{- end }}
  {{- with $root.Values.extraEnv }}
  {{- toYaml . | nindent 2 }}
  {{- end }}
{{- end }}
{{- if .containerPort }}
{{- include "todo-common.probes" $root }}
{{- end }}
securityContext:
  {{- toYaml $root.Values.securityContext | nindent 2 }}
resources:
  {{- toYaml $root.Values.resources | nindent 2 }}
volumeMounts:
  - name: tmp
    mountPath: /tmp
{{- end }}

{{/*
The probes. The paths are the app's own (docs/API.md): /healthz answers while the process serves
HTTP and touches no dependency (startup, liveness: a database outage must not get pods killed);
/readyz fails while a dependency is down and as soon as shutdown begins (readiness). Only the
timings are values.
*/}}
{{- define "todo-common.probes" -}}
{{- range list (list "startup" "/healthz") (list "liveness" "/healthz") (list "readiness" "/readyz") }}
{{- $probe := index . 0 }}
{{- $path := index . 1 }}
{{- $timings := index $.Values.probes $probe }}
{{ $probe }}Probe:
  httpGet:
    path: {{ $path }}
    port: http
  periodSeconds: {{ $timings.periodSeconds }}
  failureThreshold: {{ $timings.failureThreshold }}
  timeoutSeconds: {{ $timings.timeoutSeconds }}
{{- end }}
{{- end }}

{{/*
topologySpreadConstraints as given, each without a labelSelector given one that selects this
release's pods by the chart's selector labels (so it stays right under nameOverride, which a
label written into the values would not).
*/}}
{{- define "todo-common.topologySpreadConstraints" -}}
{{- range .Values.topologySpreadConstraints }}
{{- $constraint := deepCopy . }}
{{- if not $constraint.labelSelector }}
{{- $_ := set $constraint "labelSelector" (dict "matchLabels" (include "todo-common.selectorLabels" $ | fromYaml)) }}
{{- end }}
- {{ toYaml $constraint | nindent 2 | trim }}
{{- end }}
{{- end }}
