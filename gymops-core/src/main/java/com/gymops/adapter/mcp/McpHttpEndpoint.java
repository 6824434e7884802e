package com.gymops.adapter.mcp;

import com.gymops.application.accounts.ApiAccess;
import com.gymops.application.ask.AskTools;
import com.gymops.application.care.Actor;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import jakarta.servlet.ServletConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The MCP server's Streamable HTTP transport at {@link #PATH} on {@code serve}, behind the JSON
 * API's bearer tokens: a request without a valid, unrevoked token gets 401 before the SDK sees it,
 * and every tool call is made as the token of its own request (its club, its name in the audit).
 */
public final class McpHttpEndpoint extends HttpServlet {
  public static final String PATH = "/mcp";

  private static final String ACTOR = "gymops.actor";
  private static final long serialVersionUID = 1L;

  private final transient ApiAccess access;
  private final transient HttpServletStreamableServerTransportProvider transport;
  private final transient McpSyncServer server;

  private McpHttpEndpoint(ApiAccess access, AskTools tools, String version) {
    this.access = access;
    this.transport =
        HttpServletStreamableServerTransportProvider.builder()
            .jsonMapper(McpJsonDefaults.getMapper())
            .mcpEndpoint(PATH)
            .contextExtractor(
                request -> {
                  Object actor = request.getAttribute(ACTOR);
                  return actor == null
                      ? McpTransportContext.EMPTY
                      : McpTransportContext.create(Map.of(ACTOR, actor));
                })
            .build();
    this.server =
        McpServer.sync(transport)
            .serverInfo(McpStdioServer.NAME, version)
            .instructions(McpStdioServer.INSTRUCTIONS)
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .tools(
                McpTools.of(
                    tools,
                    exchange ->
                        exchange.transportContext().get(ACTOR) instanceof Actor actor
                            ? Optional.of(actor)
                            : Optional.empty()))
            .build();
  }

  /** The servlet to mount at {@link #PATH}, asynchronous (the transport streams its answers). */
  public static McpHttpEndpoint create(ApiAccess access, AskTools tools, String version) {
    return new McpHttpEndpoint(access, tools, version);
  }

  @Override
  public void init(ServletConfig config) throws ServletException {
    super.init(config);
    transport.init(config);
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    Optional<Actor> actor =
        header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? access.authenticate(header.substring(7).strip())
            : Optional.empty();
    if (actor.isEmpty()) {
      response.setStatus(401);
      response.setHeader("WWW-Authenticate", "Bearer");
      response.setContentType("application/json");
      response
          .getOutputStream()
          .write(
              ("{\"error\": \"a valid bearer token is required: create one with 'gymops tokens"
                      + " create --club ID --name NAME'\"}")
                  .getBytes(StandardCharsets.UTF_8));
      return;
    }
    request.setAttribute(ACTOR, actor.get());
    transport.service(request, response);
  }

  @Override
  public void destroy() {
    server.closeGracefully();
    super.destroy();
  }
}
