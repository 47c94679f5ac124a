{{/*
Database and Redis wiring. Each backend is either the in-cluster subchart, an
external service, or absent. URLs never carry a password: the password reaches
the pod only through secretKeyRef (DATABASE_PASSWORD / REDIS_PASSWORD), and the
app puts it into the connection.
*/}}

{{- define "flask-app.databaseEnabled" -}}
{{- if or .Values.postgresql.enabled .Values.database.host }}true{{ end -}}
{{- end -}}

{{- define "flask-app.postgresqlFullname" -}}
{{- $override := dig "fullnameOverride" "" .Values.postgresql -}}
{{- default (printf "%s-postgresql" .Release.Name) $override | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "flask-app.databaseHost" -}}
{{- if .Values.postgresql.enabled -}}
{{- include "flask-app.postgresqlFullname" . -}}
{{- else -}}
{{- .Values.database.host -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.databasePort" -}}
{{- if .Values.postgresql.enabled -}}
{{- dig "service" "port" 5432 .Values.postgresql | int -}}
{{- else -}}
{{- .Values.database.port | int -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.databaseName" -}}
{{- if .Values.postgresql.enabled -}}
{{- dig "auth" "database" "app" .Values.postgresql -}}
{{- else -}}
{{- .Values.database.name -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.databaseUser" -}}
{{- if .Values.postgresql.enabled -}}
{{- dig "auth" "username" "app" .Values.postgresql -}}
{{- else -}}
{{- .Values.database.user -}}
{{- end -}}
{{- end -}}

{{/* Secret and key holding the database password; empty name when there is none. */}}
{{- define "flask-app.databaseSecretName" -}}
{{- if .Values.postgresql.enabled -}}
{{- default (include "flask-app.postgresqlFullname" .) (dig "auth" "existingSecret" "" .Values.postgresql) -}}
{{- else if .Values.database.host -}}
{{- .Values.database.existingSecret -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.databaseSecretKey" -}}
{{- if .Values.postgresql.enabled -}}
{{- dig "auth" "passwordKey" "password" .Values.postgresql -}}
{{- else -}}
{{- .Values.database.passwordKey -}}
{{- end -}}
{{- end -}}

{{/* postgresql://user@host:port/name[?sslmode=...] — no password, ever. */}}
{{- define "flask-app.databaseURL" -}}
{{- if include "flask-app.databaseEnabled" . -}}
{{- $url := printf "postgresql://%s@%s:%d/%s" (include "flask-app.databaseUser" . | urlquery) (include "flask-app.databaseHost" .) (include "flask-app.databasePort" . | int) (include "flask-app.databaseName" . | urlquery) -}}
{{- if and (not .Values.postgresql.enabled) .Values.database.sslMode -}}
{{- $url = printf "%s?sslmode=%s" $url .Values.database.sslMode -}}
{{- end -}}
{{- $url -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.redisEnabled" -}}
{{- if or .Values.redis.enabled .Values.externalRedis.host }}true{{ end -}}
{{- end -}}

{{- define "flask-app.redisFullname" -}}
{{- $override := dig "fullnameOverride" "" .Values.redis -}}
{{- default (printf "%s-redis" .Release.Name) $override | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "flask-app.redisHost" -}}
{{- if .Values.redis.enabled -}}
{{- include "flask-app.redisFullname" . -}}
{{- else -}}
{{- .Values.externalRedis.host -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.redisPort" -}}
{{- if .Values.redis.enabled -}}
{{- dig "service" "port" 6379 .Values.redis | int -}}
{{- else -}}
{{- .Values.externalRedis.port | int -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.redisSecretName" -}}
{{- if .Values.redis.enabled -}}
{{- default (include "flask-app.redisFullname" .) (dig "auth" "existingSecret" "" .Values.redis) -}}
{{- else if .Values.externalRedis.host -}}
{{- .Values.externalRedis.existingSecret -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.redisSecretKey" -}}
{{- if .Values.redis.enabled -}}
{{- dig "auth" "passwordKey" "password" .Values.redis -}}
{{- else -}}
{{- .Values.externalRedis.passwordKey -}}
{{- end -}}
{{- end -}}

{{/* redis://host:port/db (rediss:// with TLS) — no password, ever. */}}
{{- define "flask-app.redisURL" -}}
{{- if include "flask-app.redisEnabled" . -}}
{{- $scheme := ternary "rediss" "redis" (and (not .Values.redis.enabled) .Values.externalRedis.tls) -}}
{{- $db := ternary 0 (.Values.externalRedis.database | int) (.Values.redis.enabled | default false) -}}
{{- printf "%s://%s:%d/%d" $scheme (include "flask-app.redisHost" .) (include "flask-app.redisPort" . | int) ($db | int) -}}
{{- end -}}
{{- end -}}

{{/* Where the app reads the model: on the volume when persistence is on, else the copy baked into the image. */}}
{{- define "flask-app.modelDir" -}}
{{- if .Values.persistence.enabled -}}
{{- printf "%s/%s" (.Values.persistence.mountPath | trimSuffix "/") (.Values.model.path | trimPrefix "/") | trimSuffix "/" -}}
{{- else -}}
/opt/model
{{- end -}}
{{- end -}}

{{- define "flask-app.modelPath" -}}
{{- printf "%s/%s" (include "flask-app.modelDir" .) .Values.model.name -}}
{{- end -}}

{{- define "flask-app.migrationsConfigName" -}}
{{- printf "%s-migrations" (include "flask-app.fullname" .) | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "flask-app.migrationsEnabled" -}}
{{- if and .Values.migrations.enabled (include "flask-app.databaseEnabled" .) }}true{{ end -}}
{{- end -}}
