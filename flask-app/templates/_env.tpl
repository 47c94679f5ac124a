{{/* Every variable the chart itself sets (ConfigMap keys and secretKeyRef env); extraEnv may not repeat them. */}}
{{- define "flask-app.ownEnvNames" -}}
{{- list "APP_ENV" "FLASK_DEBUG" "LOG_LEVEL" "SECRET_KEY" "DATABASE_URL" "DATABASE_PASSWORD" "REDIS_URL" "REDIS_PASSWORD" "MODEL_ENABLED" "MODEL_PATH" "UWSGI_PROCESSES" "UWSGI_THREADS" "UWSGI_HARAKIRI" "METRICS_PORT" "SECRET_KEY_FILE" "DATABASE_PASSWORD_FILE" "REDIS_PASSWORD_FILE" | toJson -}}
{{- end -}}

{{/* Non-secret configuration, as ConfigMap data. */}}
{{- define "flask-app.configData" -}}
APP_ENV: {{ .Values.flask.env | quote }}
FLASK_DEBUG: {{ ternary "1" "0" .Values.flask.debug | quote }}
LOG_LEVEL: {{ .Values.flask.logLevel | quote }}
{{- with include "flask-app.databaseURL" . }}
DATABASE_URL: {{ . | quote }}
{{- end }}
{{- with include "flask-app.redisURL" . }}
REDIS_URL: {{ . | quote }}
{{- end }}
MODEL_ENABLED: {{ ternary "true" "false" .Values.model.enabled | quote }}
MODEL_PATH: {{ include "flask-app.modelPath" . | quote }}
UWSGI_PROCESSES: {{ .Values.uwsgi.processes | toString | quote }}
UWSGI_THREADS: {{ .Values.uwsgi.threads | toString | quote }}
UWSGI_HARAKIRI: {{ .Values.uwsgi.harakiri | toString | quote }}
METRICS_PORT: {{ .Values.metrics.port | toString | quote }}
{{- include "flask-app.secretFileEnv" . }}
{{- end -}}

{{/*
Environment of containers that run the app's code (app, migrations): the
ConfigMap plus the secrets, each only through secretKeyRef.
*/}}
{{- define "flask-app.envFrom" -}}
- configMapRef:
    name: {{ include "flask-app.fullname" . }}
{{- end -}}

{{/*
Secrets reach the app as files of the secrets volume, named by SECRET_KEY_FILE,
DATABASE_PASSWORD_FILE and REDIS_PASSWORD_FILE (ConfigMap keys: paths, not
secrets), so their values never sit in the process environment.
flask.secretsAsEnv adds the secretKeyRef variables, for an image that only
knows those.
*/}}
{{/* Where the secrets volume is mounted in the app and migration containers. */}}
{{- define "flask-app.secretsDir" -}}/etc/flask-app/secrets{{- end -}}

{{- define "flask-app.secretFileEnv" -}}
{{- $dir := include "flask-app.secretsDir" . }}
SECRET_KEY_FILE: {{ printf "%s/secret-key" $dir | quote }}
{{- if include "flask-app.databaseSecretName" . }}
DATABASE_PASSWORD_FILE: {{ printf "%s/database-password" $dir | quote }}
{{- end }}
{{- if include "flask-app.redisSecretName" . }}
REDIS_PASSWORD_FILE: {{ printf "%s/redis-password" $dir | quote }}
{{- end }}
{{- end -}}

{{/* The env list of the app and migration containers: empty unless flask.secretsAsEnv. */}}
{{- define "flask-app.secretEnv" -}}
{{- if .Values.flask.secretsAsEnv }}
{{- include "flask-app.secretKeyRefEnv" . }}
{{- end }}
{{- end -}}

{{/* The secrets volume: one projected volume, one file per secret, readable by the pod's group only. */}}
{{- define "flask-app.secretsVolume" -}}
- name: secrets
  projected:
    # 0440: the files belong to root and the pod's fsGroup.
    defaultMode: 288
    sources:
      - secret:
          name: {{ include "flask-app.secretKeySecretName" . }}
          items:
            - key: {{ include "flask-app.secretKeySecretKey" . }}
              path: secret-key
      {{- $dbSecret := include "flask-app.databaseSecretName" . }}
      {{- if $dbSecret }}
      - secret:
          name: {{ $dbSecret }}
          items:
            - key: {{ include "flask-app.databaseSecretKey" . }}
              path: database-password
      {{- end }}
      {{- $redisSecret := include "flask-app.redisSecretName" . }}
      {{- if $redisSecret }}
      - secret:
          name: {{ $redisSecret }}
          items:
            - key: {{ include "flask-app.redisSecretKey" . }}
              path: redis-password
      {{- end }}
{{- end -}}

{{- define "flask-app.secretsVolumeMount" -}}
- name: secrets
  mountPath: {{ include "flask-app.secretsDir" . }}
  readOnly: true
{{- end -}}

{{- define "flask-app.secretKeyRefEnv" -}}
- name: SECRET_KEY
  valueFrom:
    secretKeyRef:
      {{- include "flask-app.secretKeyRef" . | nindent 6 }}
{{- $dbSecret := include "flask-app.databaseSecretName" . }}
{{- if $dbSecret }}
- name: DATABASE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $dbSecret }}
      key: {{ include "flask-app.databaseSecretKey" . }}
{{- end }}
{{- $redisSecret := include "flask-app.redisSecretName" . }}
{{- if $redisSecret }}
- name: REDIS_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ $redisSecret }}
      key: {{ include "flask-app.redisSecretKey" . }}
{{- end }}
{{- end -}}
