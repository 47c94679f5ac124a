{{/* Chart name, or nameOverride. */}}
{{- define "flask-app.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/*
Full name of the release's objects: the release name alone when it already
contains the chart name (so `helm install flask-app` gives `flask-app`, not
`flask-app-flask-app`), otherwise `<release>-<chart>`. Truncated to 63 characters,
the DNS label limit.
*/}}
{{- define "flask-app.fullname" -}}
{{- if .Values.fullnameOverride -}}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- $name := include "flask-app.name" . -}}
{{- if contains $name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels that never change for the life of a release: safe in selectors. */}}
{{- define "flask-app.selectorLabels" -}}
app.kubernetes.io/name: {{ include "flask-app.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{/* Labels of every object. helm.sh/chart changes with each chart version, so it stays out of selectors. */}}
{{- define "flask-app.labels" -}}
helm.sh/chart: {{ include "flask-app.chart" . }}
{{ include "flask-app.selectorLabels" . }}
app.kubernetes.io/version: {{ include "flask-app.imageTag" . | trunc 63 | trimSuffix "-" | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: flask-app
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/*
Labels of the pods that are not app pods (migration Job, helm test). Their
`app.kubernetes.io/name` differs from the app's, so the Service, the PDB and
anyone watching `app.kubernetes.io/name=flask-app` never count them as app pods.
Usage: include "flask-app.auxLabels" (dict "ctx" . "component" "migrations")
*/}}
{{- define "flask-app.auxLabels" -}}
{{- $ctx := .ctx -}}
helm.sh/chart: {{ include "flask-app.chart" $ctx }}
app.kubernetes.io/name: {{ printf "%s-%s" (include "flask-app.name" $ctx) .component | trunc 63 | trimSuffix "-" }}
app.kubernetes.io/instance: {{ $ctx.Release.Name }}
app.kubernetes.io/managed-by: {{ $ctx.Release.Service }}
app.kubernetes.io/part-of: flask-app
app.kubernetes.io/component: {{ .component }}
{{- with $ctx.Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{- define "flask-app.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "flask-app.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.imageTag" -}}
{{- /* toString: `--set image.tag=2` arrives as a number. */ -}}
{{- default .Chart.AppVersion (toString (.Values.image.tag | default "")) -}}
{{- end -}}

{{/* registry/repository:tag, or @digest when a digest is pinned. */}}
{{- define "flask-app.image" -}}
{{- $registry := default .Values.global.imageRegistry .Values.image.registry -}}
{{- $repo := .Values.image.repository -}}
{{- if $registry }}{{ $repo = printf "%s/%s" $registry $repo }}{{ end -}}
{{- if .Values.image.digest -}}
{{ $repo }}@{{ .Values.image.digest }}
{{- else -}}
{{ $repo }}:{{ include "flask-app.imageTag" . }}
{{- end -}}
{{- end -}}

{{- define "flask-app.imagePullSecrets" -}}
{{- $secrets := concat (.Values.global.imagePullSecrets | default list) (.Values.image.pullSecrets | default list) | uniq -}}
{{- if $secrets }}
imagePullSecrets:
{{- range $secrets }}
  - name: {{ . }}
{{- end }}
{{- end }}
{{- end -}}

{{/* Name of the chart's own Secret (the generated or literal Flask secret key). */}}
{{- define "flask-app.secretName" -}}
{{- include "flask-app.fullname" . -}}
{{- end -}}

{{/* Where SECRET_KEY comes from: the user's Secret or the chart's. */}}
{{- define "flask-app.secretKeySecretName" -}}
{{- default (include "flask-app.secretName" .) .Values.flask.existingSecret -}}
{{- end -}}

{{- define "flask-app.secretKeySecretKey" -}}
{{- ternary .Values.flask.secretKeyKey "secret-key" (not (empty .Values.flask.existingSecret)) -}}
{{- end -}}

{{- define "flask-app.secretKeyRef" -}}
name: {{ include "flask-app.secretKeySecretName" . }}
key: {{ include "flask-app.secretKeySecretKey" . }}
{{- end -}}

{{/*
The Flask secret key in base64, computed where the Secret is rendered (and only
there: nothing is memoised in .Values). In order: the literal flask.secretKey;
the key already stored in the cluster (lookup, so upgrades keep it); a new
random key when a cluster answers; and without one (`helm template`, Argo CD
rendering without lookup) a key derived from the release's identity, so every
offline render produces the same Secret instead of logging everyone out on each
sync. That derived key is only as secret as the release name, which is why
production must name flask.existingSecret (validateValues) and NOTES warns.
*/}}
{{- define "flask-app.secretKeyB64" -}}
{{- if .Values.flask.secretKey -}}
{{- .Values.flask.secretKey | b64enc -}}
{{- else -}}
{{- $existing := lookup "v1" "Secret" .Release.Namespace (include "flask-app.secretName" .) -}}
{{- if and $existing $existing.data (index $existing.data "secret-key") -}}
{{- index $existing.data "secret-key" -}}
{{- else if include "flask-app.clusterAnswers" . -}}
{{- randAlphaNum 50 | b64enc -}}
{{- else -}}
{{- include "flask-app.offlineKey" (dict "ctx" . "purpose" "secret-key") | b64enc -}}
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
"true" when lookup reaches a cluster: every namespace has the `default`
ServiceAccount, and reading it needs no cluster-wide permission. Empty for
`helm template`, client dry-runs, and a namespace that does not exist yet.
*/}}
{{- define "flask-app.clusterAnswers" -}}
{{- if lookup "v1" "ServiceAccount" .Release.Namespace "default" }}true{{ end -}}
{{- end -}}

{{/* Deterministic 64 hex characters for one purpose of one release (see secretKeyB64). */}}
{{- define "flask-app.offlineKey" -}}
{{- printf "flask-app/%s/%s/%s/%s" .ctx.Release.Namespace .ctx.Release.Name (include "flask-app.fullname" .ctx) .purpose | sha256sum -}}
{{- end -}}

{{/*
checksum/secret: changes when the secret key's source changes (another
existingSecret, another literal key), never with a generated value, so a render
without lookup does not restart the pods.
*/}}
{{- define "flask-app.secretChecksum" -}}
{{- if .Values.flask.existingSecret -}}
{{- printf "existing:%s/%s" .Values.flask.existingSecret .Values.flask.secretKeyKey | sha256sum -}}
{{- else if .Values.flask.secretKey -}}
{{- printf "literal:%s" (.Values.flask.secretKey | sha256sum) | sha256sum -}}
{{- else -}}
{{- printf "generated:%s" (include "flask-app.secretName" .) | sha256sum -}}
{{- end -}}
{{- end -}}
