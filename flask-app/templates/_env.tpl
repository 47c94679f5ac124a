{{/* Every variable the chart itself sets (ConfigMap keys and secretKeyRef env); extraEnv may not repeat them. */}}
{{- define "flask-app.ownEnvNames" -}}
{{- list "APP_ENV" "FLASK_DEBUG" "LOG_LEVEL" "SECRET_KEY" "DATABASE_URL" "DATABASE_PASSWORD" "REDIS_URL" "REDIS_PASSWORD" "MODEL_ENABLED" "MODEL_PATH" "UWSGI_PROCESSES" "UWSGI_THREADS" "UWSGI_HARAKIRI" "METRICS_PORT" | toJson -}}
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
{{- end -}}

{{/*
Environment of containers that run the app's code (app, migrations): the
ConfigMap plus the secrets, each only through secretKeyRef.
*/}}
{{- define "flask-app.envFrom" -}}
- configMapRef:
    name: {{ include "flask-app.fullname" . }}
{{- end -}}

{{- define "flask-app.secretEnv" -}}
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
