package dev.pullsync.source;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * JGit's smart-HTTP servlet on Jetty on a random loopback port, behind a Basic-auth filter that
 * accepts one user name and password.
 */
final class GitHttpServer implements AutoCloseable {
  private final Server server;
  private final List<String> usersSeen = new CopyOnWriteArrayList<>();

  GitHttpServer(Repository repo, String user, String password) throws Exception {
    GitServlet git = new GitServlet();
    git.setRepositoryResolver(
        (req, name) -> {
          if (!name.equals("spec.git")) {
            throw new RepositoryNotFoundException(name);
          }
          repo.incrementOpen();
          return repo;
        });
    git.setReceivePackFactory((req, db) -> new ReceivePack(db));
    ServletContextHandler context = new ServletContextHandler("/");
    context.addServlet(new ServletHolder(git), "/*");
    context.addFilter(
        new FilterHolder(new BasicAuth(user, password)), "/*", EnumSet.of(DispatcherType.REQUEST));
    server = new Server(new InetSocketAddress("127.0.0.1", 0));
    server.setHandler(context);
    server.start();
  }

  String url() {
    int port = ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    return "http://127.0.0.1:" + port + "/spec.git";
  }

  List<String> usersSeen() {
    return usersSeen;
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }

  private final class BasicAuth implements Filter {
    private final String expected;

    BasicAuth(String user, String password) {
      this.expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
        throws IOException, ServletException {
      String header = ((HttpServletRequest) request).getHeader("Authorization");
      if (header != null && header.startsWith("Basic ")) {
        String decoded =
            new String(Base64.getDecoder().decode(header.substring(6)), StandardCharsets.UTF_8);
        usersSeen.add(decoded.substring(0, Math.max(0, decoded.indexOf(':'))));
      }
      if (expected.equals(header)) {
        chain.doFilter(request, response);
        return;
      }
      HttpServletResponse http = (HttpServletResponse) response;
      http.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
      http.sendError(401);
    }
  }
}
