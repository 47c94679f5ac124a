{{/*
Helpers of the data-store subcharts. Every one takes the subchart's own
context; the only thing that differs between the two subcharts, the
app.kubernetes.io/component label, comes from the subchart's own
"<chart>.component" template.
*/}}

{{/* Name of every object of the subchart: <release>-<chart> unless overridden. */}}
{{- define "store.fullname" -}}
{{- default (printf "%s-%s" .Release.Name .Chart.Name) .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "store.selectorLabels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "store.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "store.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/component: {{ include (printf "%s.component" .Chart.Name) . }}
app.kubernetes.io/part-of: flask-app
{{- end -}}

{{- define "store.secretName" -}}
{{- default (include "store.fullname" .) .Values.auth.existingSecret -}}
{{- end -}}

{{/* The parent's global.imageRegistry applies here too. */}}
{{- define "store.image" -}}
{{- $registry := dig "imageRegistry" "" (.Values.global | default dict) -}}
{{- $repo := .Values.image.repository -}}
{{- if $registry }}{{ $repo = printf "%s/%s" $registry $repo }}{{ end -}}
{{- if .Values.image.digest -}}
{{ $repo }}@{{ .Values.image.digest }}
{{- else -}}
{{ $repo }}:{{ .Values.image.tag }}
{{- end -}}
{{- end -}}

{{- define "store.imagePullSecrets" -}}
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
The generated password in base64, computed where the Secret is rendered and
nowhere else (nothing is written into .Values): the one already stored in the
cluster (lookup, so upgrades keep it); a new random one when a cluster answers;
and without one (`helm template`, Argo CD rendering without lookup) one derived
from the release's identity, so offline renders agree run after run (the
server only reads its password when it initialises its data, so a new one on
every sync would lock the app out).
*/}}
{{- define "store.passwordB64" -}}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "store.fullname" .) -}}
{{- if and $existing $existing.data (index $existing.data .Values.auth.passwordKey) -}}
{{- index $existing.data .Values.auth.passwordKey -}}
{{- else if lookup "v1" "ServiceAccount" .Release.Namespace "default" -}}
{{- randAlphaNum 32 | b64enc -}}
{{- else -}}
{{- printf "flask-app/%s/%s/%s/password" .Release.Namespace .Release.Name (include "store.fullname" .) | sha256sum | trunc 32 | b64enc -}}
{{- end -}}
{{- end -}}

{{/* checksum/secret: the password's source, never a generated value (which a render without lookup cannot know). */}}
{{- define "store.secretChecksum" -}}
{{- printf "%s/%s" (include "store.secretName" .) .Values.auth.passwordKey | sha256sum -}}
{{- end -}}

{{/* Where the password file is mounted in the server container. */}}
{{- define "store.secretDir" -}}/etc/{{ .Chart.Name }}-secret{{- end -}}
