{{/* Name of every object of this subchart: <release>-postgresql unless overridden. */}}
{{- define "postgresql.fullname" -}}
{{- default (printf "%s-%s" .Release.Name .Chart.Name) .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "postgresql.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "postgresql.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "postgresql.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: database
app.kubernetes.io/part-of: flask-app
{{- end -}}

{{- define "postgresql.secretName" -}}
{{- default (include "postgresql.fullname" .) .Values.auth.existingSecret -}}
{{- end -}}

{{/* The parent's global.imageRegistry applies here too. */}}
{{- define "postgresql.image" -}}
{{- $registry := dig "imageRegistry" "" (.Values.global | default dict) -}}
{{- $repo := .Values.image.repository -}}
{{- if $registry }}{{ $repo = printf "%s/%s" $registry $repo }}{{ end -}}
{{- if .Values.image.digest -}}
{{ $repo }}@{{ .Values.image.digest }}
{{- else -}}
{{ $repo }}:{{ .Values.image.tag }}
{{- end -}}
{{- end -}}

{{- define "postgresql.imagePullSecrets" -}}
{{- $global := dig "imagePullSecrets" list (.Values.global | default dict) -}}
{{- $secrets := concat $global (.Values.imagePullSecrets | default list) | uniq -}}
{{- if $secrets }}
imagePullSecrets:
{{- range $secrets }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
The generated password in base64: the one already stored in the cluster (lookup,
so upgrades keep it), else a new random one. Computed once per render and
remembered, so the Secret and the StatefulSet's checksum/secret annotation agree
even on a first install (two independent random values would make the first
upgrade restart the StatefulSet). `helm template` cannot look up: it renders a
throwaway password.
*/}}
{{- define "postgresql.passwordB64" -}}
{{- if not (hasKey .Values.auth "__passwordB64") -}}
{{- $value := "" -}}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "postgresql.fullname" .) -}}
{{- if and $existing $existing.data (index $existing.data .Values.auth.passwordKey) -}}
{{- $value = index $existing.data .Values.auth.passwordKey -}}
{{- else -}}
{{- $value = randAlphaNum 32 | b64enc -}}
{{- end -}}
{{- $_ := set .Values.auth "__passwordB64" $value -}}
{{- end -}}
{{- index .Values.auth "__passwordB64" -}}
{{- end -}}
