{{/* The one label that differs from the Valkey subchart; everything else is in store-common. */}}
{{- define "postgresql.component" -}}database{{- end -}}
