{{/* The one label that differs from the PostgreSQL subchart; everything else is in store-common. */}}
{{- define "redis.component" -}}cache{{- end -}}
