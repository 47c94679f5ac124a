{{/* The one label that differs from the PostgreSQL subchart; everything else is in store-common. */}}
{{- define "redis.component" -}}cache{{- end -}}

{{/* The mounted password file the server and its probe read. */}}
{{- define "redis.passwordFile" -}}
{{- printf "%s/%s" (include "store.secretDir" .) .Values.auth.passwordKey -}}
{{- end -}}
