/* The pod sandbox's only process for flask-helm-wizard's real-node e2e lane:
 * it holds the pod's namespaces open and reaps zombies until it is told to stop.
 * Built statically by build-node.sh, so its image needs no libc. */
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

static void stop(int sig) { _exit(sig == SIGTERM ? 0 : 2); }
static void reap(int sig) {
  (void)sig;
  while (waitpid(-1, 0, WNOHANG) > 0) {
  }
}

int main(void) {
  struct sigaction quit = {.sa_handler = stop}, child = {.sa_handler = reap, .sa_flags = SA_NOCLDSTOP};
  sigaction(SIGINT, &quit, 0);
  sigaction(SIGTERM, &quit, 0);
  sigaction(SIGCHLD, &child, 0);
  for (;;) pause();
}
