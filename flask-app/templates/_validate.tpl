{{/*
validateValues: rules a schema cannot express. Each rule adds one message that
names the value to change and what to set it to; rendering fails with all of
them at once, so a user fixes everything in one round.
*/}}
{{- define "flask-app.validateValues" -}}
{{- $msgs := list -}}
{{- $msgs = append $msgs (include "flask-app.validate.debugInProduction" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.ingressTLS" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.routeAndIngress" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.routeTLS" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.literalSecretKey" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.existingSecretInProduction" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.shutdown" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.probes" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.database" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.redis" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.autoscaling" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.pdb" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.extraEnv" .) -}}
{{- $msgs = append $msgs (include "flask-app.validate.persistence" .) -}}
{{- $msgs = without $msgs "" -}}
{{- if $msgs -}}
{{- printf "\nVALUES VALIDATION:\n%s" (join "\n" $msgs) | fail -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.isProduction" -}}
{{- if eq .Values.flask.env "production" }}true{{ end -}}
{{- end -}}

{{- define "flask-app.validate.debugInProduction" -}}
{{- if and (include "flask-app.isProduction" .) .Values.flask.debug -}}
flask-app: flask.debug: debug mode exposes an interactive debugger and must be off in production (flask.env=production). Set flask.debug=false.
{{- end -}}
{{- end -}}

{{- define "flask-app.validate.ingressTLS" -}}
{{- if and (include "flask-app.isProduction" .) .Values.ingress.enabled (not .Values.ingress.tls) -}}
flask-app: ingress.tls: a production Ingress must serve HTTPS. Set ingress.tls[0].secretName=<tls secret> and ingress.tls[0].hosts[0]=<host> (with cert-manager, also set the ingress.annotations.cert-manager.io/cluster-issuer annotation).
{{- end -}}
{{- end -}}

{{/* One host served by both an Ingress and a route: two controllers would fight over it. */}}
{{- define "flask-app.validate.routeAndIngress" -}}
{{- if and .Values.ingress.enabled .Values.httpRoute.enabled -}}
{{- $routeHosts := .Values.httpRoute.hostnames | default list -}}
{{- $both := list -}}
{{- range .Values.ingress.hosts -}}
{{- if has .host $routeHosts }}{{ $both = append $both .host }}{{ end -}}
{{- end -}}
{{- if $both -}}
flask-app: httpRoute.hostnames: {{ join ", " (uniq $both) }} {{ if eq (len (uniq $both)) 1 }}is{{ else }}are{{ end }} both in ingress.hosts and in httpRoute.hostnames; two controllers would answer for the same host. Set ingress.enabled=false to serve it through the Gateway, or httpRoute.enabled=false to keep the Ingress.
{{- end -}}
{{- end -}}
{{- end -}}

{{/*
"true" when a listener name says plain HTTP (http, http-80, web-http, insecure…,
…-80). The Gateway belongs to the cluster owner and a render cannot read it, so
the listener's name is all the chart can know; an empty sectionName (every
listener) is left to the wizard's preflight, which reads the Gateway.
*/}}
{{- define "flask-app.plainHTTPListener" -}}
{{- $s := lower . -}}
{{- if or (and (contains "http" $s) (not (contains "https" $s))) (hasPrefix "insecure" $s) (hasSuffix "-80" $s) (eq $s "80") }}true{{ end -}}
{{- end -}}

{{- define "flask-app.validate.routeTLS" -}}
{{- if and (include "flask-app.isProduction" .) .Values.httpRoute.enabled -}}
{{- $plain := list -}}
{{- range .Values.httpRoute.parentRefs -}}
{{- if and .sectionName (include "flask-app.plainHTTPListener" .sectionName) }}{{ $plain = append $plain (printf "%s/%s:%s" (default "<release namespace>" .namespace) .name .sectionName) }}{{ end -}}
{{- end -}}
{{- if $plain -}}
flask-app: httpRoute.parentRefs: a production route must be served over HTTPS, but {{ join ", " $plain }} names a plain HTTP listener. Set httpRoute.parentRefs[].sectionName to the Gateway's HTTPS listener (e.g. https).
{{- end -}}
{{- end -}}
{{- end -}}

{{- define "flask-app.validate.literalSecretKey" -}}
{{- if and (include "flask-app.isProduction" .) .Values.flask.secretKey -}}
flask-app: flask.secretKey: a literal secret key ends up in values files and release history. In production set flask.secretKey="" and flask.existingSecret=<name of a Secret with key {{ .Values.flask.secretKeyKey }}>.
{{- end -}}
{{- end -}}

{{/* values.yaml calls it required in production: a generated key would be per-release, and derived offline. */}}
{{- define "flask-app.validate.existingSecretInProduction" -}}
{{- if and (include "flask-app.isProduction" .) (not .Values.flask.existingSecret) (not .Values.flask.secretKey) -}}
flask-app: flask.existingSecret: production needs the Flask secret key from a Secret you manage (the chart would otherwise generate one, and a render without a cluster derives it from the release name). Set flask.existingSecret=<name of a Secret with key {{ .Values.flask.secretKeyKey }}>.
{{- end -}}
{{- end -}}

{{/*
Seconds the preStop hook sleeps: lifecycle.preStop.sleep.seconds, or an exec
`sleep N` (the default); 0 for any other hook, whose length the chart cannot know.
*/}}
{{- define "flask-app.preStopSeconds" -}}
{{- $pre := dig "preStop" dict (.Values.lifecycle | default dict) -}}
{{- $cmd := dig "exec" "command" list $pre -}}
{{- if hasKey $pre "sleep" -}}
{{- dig "sleep" "seconds" 0 $pre | int -}}
{{- else if and (eq (len $cmd) 2) (eq (toString (first $cmd)) "sleep") (regexMatch "^[0-9]+$" (toString (last $cmd))) -}}
{{- last $cmd | int -}}
{{- else -}}
0
{{- end -}}
{{- end -}}

{{/*
The kubelet kills the container terminationGracePeriodSeconds after it starts
stopping it, preStop included: the grace must cover the preStop sleep (while
endpoints drain) plus the longest request uWSGI lets run (harakiri).
*/}}
{{- define "flask-app.validate.shutdown" -}}
{{- $grace := int .Values.terminationGracePeriodSeconds -}}
{{- $pre := int (include "flask-app.preStopSeconds" .) -}}
{{- $harakiri := int .Values.uwsgi.harakiri -}}
{{- $hook := dig "preStop" dict (.Values.lifecycle | default dict) -}}
{{- $handlers := without (keys $hook | sortAlpha) "terminationGracePeriodSeconds" -}}
{{- if gt (len $handlers) 1 -}}
flask-app: lifecycle.preStop: it has {{ len $handlers }} handlers ({{ join ", " $handlers }}) because values files merge into the default exec sleep; Kubernetes allows one. Set lifecycle.preStop.exec=null (or null the others) so one remains.
{{- else if le $grace (add $harakiri $pre) -}}
flask-app: terminationGracePeriodSeconds: terminationGracePeriodSeconds={{ $grace }} is not longer than uwsgi.harakiri ({{ $harakiri }}) plus the preStop sleep ({{ $pre }}), so pods can be killed mid-request while they drain. Set terminationGracePeriodSeconds={{ add $harakiri $pre 5 }} or more, or lower uwsgi.harakiri.
{{- end -}}
{{- end -}}

{{/* A probe left with two handlers by the values merge (the default httpGet plus the user's). */}}
{{- define "flask-app.validate.probes" -}}
{{- $out := list -}}
{{- range $kind := list "startupProbe" "livenessProbe" "readinessProbe" -}}
{{- $probe := index $.Values $kind | default dict -}}
{{- $handlers := list -}}
{{- range $h := list "httpGet" "exec" "tcpSocket" "grpc" -}}
{{- if index $probe $h }}{{ $handlers = append $handlers $h }}{{ end -}}
{{- end -}}
{{- if and $probe.enabled (ne (len $handlers) 1) -}}
{{- $out = append $out (printf "flask-app: %s: it has %d handlers (%s); Kubernetes needs exactly one. Set the ones you do not want to null (e.g. %s.httpGet=null) or add one." $kind (len $handlers) (join ", " $handlers) $kind) -}}
{{- end -}}
{{- end -}}
{{- join "\n" $out -}}
{{- end -}}

{{- define "flask-app.validate.database" -}}
{{- if and .Values.postgresql.enabled .Values.database.host -}}
flask-app: database.host: both the in-cluster PostgreSQL (postgresql.enabled=true) and an external database (database.host={{ .Values.database.host }}) are set. Set postgresql.enabled=false to use the external database, or database.host="" to use the in-cluster one.
{{- else if and .Values.database.host (not .Values.database.existingSecret) -}}
flask-app: database.existingSecret: an external database (database.host={{ .Values.database.host }}) needs its password from a Secret. Set database.existingSecret=<secret name> (key database.passwordKey={{ .Values.database.passwordKey }}).
{{- end -}}
{{- end -}}

{{- define "flask-app.validate.redis" -}}
{{- if and .Values.redis.enabled .Values.externalRedis.host -}}
flask-app: externalRedis.host: both the in-cluster Redis (redis.enabled=true) and an external Redis (externalRedis.host={{ .Values.externalRedis.host }}) are set. Set redis.enabled=false to use the external Redis, or externalRedis.host="" to use the in-cluster one.
{{- end -}}
{{- end -}}

{{- define "flask-app.validate.autoscaling" -}}
{{- $a := .Values.autoscaling -}}
{{- if and $a.enabled (gt (int $a.minReplicas) (int $a.maxReplicas)) -}}
flask-app: autoscaling.minReplicas: minReplicas ({{ $a.minReplicas }}) is greater than maxReplicas ({{ $a.maxReplicas }}). Set autoscaling.maxReplicas={{ $a.minReplicas }} or higher, or lower autoscaling.minReplicas.
{{- else if and $a.enabled (not $a.targetCPUUtilizationPercentage) (not $a.targetMemoryUtilizationPercentage) -}}
flask-app: autoscaling.targetCPUUtilizationPercentage: the HorizontalPodAutoscaler needs a target. Set autoscaling.targetCPUUtilizationPercentage=70 (or a memory target).
{{- end -}}
{{- end -}}

{{/* A PDB that allows no eviction blocks node drains forever. */}}
{{- define "flask-app.validate.pdb" -}}
{{- $pdb := .Values.podDisruptionBudget -}}
{{- if $pdb.enabled -}}
{{- $replicas := ternary (int .Values.autoscaling.minReplicas) (int .Values.replicaCount) .Values.autoscaling.enabled -}}
{{- $min := toString $pdb.minAvailable -}}
{{- if ne $min "" -}}
{{- $blocks := false -}}
{{- if hasSuffix "%" $min -}}
{{- $blocks = ge (int (trimSuffix "%" $min)) 100 -}}
{{- else -}}
{{- $blocks = ge (int $min) $replicas -}}
{{- end -}}
{{- if $blocks -}}
flask-app: podDisruptionBudget.minAvailable: minAvailable={{ $min }} with {{ $replicas }} replica(s) would block every eviction (node drains hang). Set podDisruptionBudget.minAvailable={{ sub $replicas 1 }} or lower{{ if le $replicas 1 }} and raise {{ ternary "autoscaling.minReplicas" "replicaCount" .Values.autoscaling.enabled }} to 2{{ end }}.
{{- end -}}
{{- else if eq (toString $pdb.maxUnavailable) "0" -}}
flask-app: podDisruptionBudget.maxUnavailable: maxUnavailable=0 would block every eviction (node drains hang). Set podDisruptionBudget.maxUnavailable=1.
{{- end -}}
{{- end -}}
{{- end -}}

{{/* Server-side apply (Helm 4's default) rejects duplicate env names; client-side apply silently kept the last. */}}
{{- define "flask-app.validate.extraEnv" -}}
{{- $own := include "flask-app.ownEnvNames" . | fromJsonArray -}}
{{- $seen := list -}}
{{- $dups := list -}}
{{- range .Values.extraEnv -}}
{{- if or (has .name $own) (has .name $seen) -}}
{{- $dups = append $dups .name -}}
{{- end -}}
{{- $seen = append $seen .name -}}
{{- end -}}
{{- if $dups -}}
flask-app: extraEnv: {{ join ", " (uniq $dups) }} repeat{{ if eq (len (uniq $dups)) 1 }}s{{ end }} an environment variable the chart sets or an earlier extraEnv entry. Remove {{ join ", " (uniq $dups) }} from extraEnv and set the chart value instead (e.g. flask.logLevel for LOG_LEVEL).
{{- end -}}
{{- end -}}

{{- define "flask-app.validate.persistence" -}}
{{- $p := .Values.persistence -}}
{{- /* Only for a claim the chart creates: an existingClaim's access mode is the user's. */ -}}
{{- if and $p.enabled (not $p.existingClaim) (has $p.accessMode (list "ReadWriteOnce" "ReadWriteOncePod")) (or .Values.autoscaling.enabled (gt (int .Values.replicaCount) 1)) -}}
flask-app: persistence.accessMode: accessMode={{ $p.accessMode }} lets only one node mount the model volume, but {{ if .Values.autoscaling.enabled }}autoscaling is on{{ else }}replicaCount={{ .Values.replicaCount }}{{ end }}. Set persistence.accessMode=ReadWriteMany (with a StorageClass that supports it), or replicaCount=1 with autoscaling.enabled=false.
{{- end -}}
{{- end -}}
