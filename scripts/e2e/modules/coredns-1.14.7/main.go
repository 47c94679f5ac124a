// CoreDNS for flask-helm-wizard's real-node e2e lane, with only the plugins the
// lane's Corefile uses: the stock build also links every cloud DNS provider
// (AWS, Azure, GCP SDKs), which would triple the cold build for nothing.
package main

import (
	"github.com/coredns/coredns/core/dnsserver"
	"github.com/coredns/coredns/coremain"

	_ "github.com/coredns/coredns/plugin/cache"
	_ "github.com/coredns/coredns/plugin/errors"
	_ "github.com/coredns/coredns/plugin/health"
	_ "github.com/coredns/coredns/plugin/kubernetes"
	_ "github.com/coredns/coredns/plugin/loadbalance"
	_ "github.com/coredns/coredns/plugin/log"
	_ "github.com/coredns/coredns/plugin/ready"
	_ "github.com/coredns/coredns/plugin/template"
)

func main() {
	// Plugin order in a server block follows this list (as plugin.cfg does upstream).
	dnsserver.Directives = []string{"ready", "health", "errors", "log", "loadbalance", "cache", "template", "kubernetes"}
	coremain.Run()
}
