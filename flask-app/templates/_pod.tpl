{{/* Scheduling of the app pods: explicit affinity wins, else the anti-affinity preset. */}}
{{- define "flask-app.affinity" -}}
{{- if .Values.affinity -}}
{{- toYaml .Values.affinity -}}
{{- else if eq .Values.podAntiAffinityPreset "soft" -}}
podAntiAffinity:
  preferredDuringSchedulingIgnoredDuringExecution:
    - weight: 100
      podAffinityTerm:
        topologyKey: kubernetes.io/hostname
        labelSelector:
          matchLabels:
            {{- include "flask-app.selectorLabels" . | nindent 12 }}
{{- else if eq .Values.podAntiAffinityPreset "hard" -}}
podAntiAffinity:
  requiredDuringSchedulingIgnoredDuringExecution:
    - topologyKey: kubernetes.io/hostname
      labelSelector:
        matchLabels:
          {{- include "flask-app.selectorLabels" . | nindent 10 }}
{{- end -}}
{{- end -}}

{{/* Spread constraints, with the app's selector filled in where the user left it out. */}}
{{- define "flask-app.topologySpreadConstraints" -}}
{{- $selector := dict "matchLabels" (include "flask-app.selectorLabels" . | fromYaml) -}}
{{- $out := list -}}
{{- range .Values.topologySpreadConstraints -}}
{{- $c := deepCopy . -}}
{{- if not (hasKey $c "labelSelector") -}}
{{- $_ := set $c "labelSelector" $selector -}}
{{- end -}}
{{- $out = append $out $c -}}
{{- end -}}
{{- if $out -}}
{{- toYaml $out -}}
{{- end -}}
{{- end -}}

{{/*
Init container that seeds the model volume from the copy baked into the image
(/opt/model) when the volume has none yet. It copies to a temporary name and
renames, so replicas starting together on a ReadWriteMany volume never see a
half-written file.
*/}}
{{- define "flask-app.modelInitContainer" -}}
- name: model-init
  image: {{ include "flask-app.image" . | quote }}
  imagePullPolicy: {{ .Values.image.pullPolicy }}
  command:
    - sh
    - -c
    - |
      set -eu
      if [ -f "$MODEL_DIR/$MODEL_NAME" ]; then
        echo "model-init: $MODEL_DIR/$MODEL_NAME is already on the volume"
        exit 0
      fi
      mkdir -p "$MODEL_DIR"
      cp "/opt/model/$MODEL_NAME" "$MODEL_DIR/.$MODEL_NAME.$HOSTNAME"
      mv -f "$MODEL_DIR/.$MODEL_NAME.$HOSTNAME" "$MODEL_DIR/$MODEL_NAME"
      echo "model-init: copied /opt/model/$MODEL_NAME to $MODEL_DIR/$MODEL_NAME"
  env:
    - name: MODEL_DIR
      value: {{ include "flask-app.modelDir" . | quote }}
    - name: MODEL_NAME
      value: {{ .Values.model.name | quote }}
  securityContext:
    {{- toYaml .Values.securityContext | nindent 4 }}
  # The app's own resources: an init container's request never adds to the
  # pod's, which is the larger of the two.
  resources:
    {{- toYaml .Values.resources | nindent 4 }}
  volumeMounts:
    - name: model
      mountPath: {{ .Values.persistence.mountPath }}
    - name: tmp
      mountPath: /tmp
{{- end -}}

{{/* The path the helm test GETs: the liveness probe's, when it is an httpGet probe. */}}
{{- define "flask-app.healthPath" -}}
{{- dig "httpGet" "path" "/health" (.Values.livenessProbe | default dict) -}}
{{- end -}}

{{- define "flask-app.modelClaimName" -}}
{{- default (printf "%s-model" (include "flask-app.fullname" .)) .Values.persistence.existingClaim -}}
{{- end -}}
