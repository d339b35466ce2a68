{{/*
The development database's name: <release>-postgresql, at most 52 characters (a StatefulSet's
pods add a suffix and a revision label to it). The one definition both the umbrella chart (which
runs the database) and the backend chart (which connects to it) use.
*/}}
{{- define "todo-common.postgresql.fullname" -}}
{{- printf "%s-postgresql" .Release.Name | trunc 52 | trimSuffix "-" }}
{{- end }}

{{/*
A generated secret value that is generated once and then kept, base64-encoded for a Secret's
`data`: the value under "key" in "existing" (the Secret a previous install left, from `lookup`),
or "length" random letters and digits when there is none. `lookup` finds nothing under
`helm template` and --dry-run, so the caller does the lookup and passes its result (or an empty
dict) here, where a test can give it either case.
  (dict "existing" (lookup "v1" "Secret" .Release.Namespace $name) "key" "password" "length" 32)
*/}}
{{- define "todo-common.keptRandom" -}}
{{- $data := get (.existing | default dict) "data" | default dict }}
{{- get $data .key | default (randAlphaNum (int .length) | b64enc) }}
{{- end }}
