package com.gymops.adapter.mcp;

import com.gymops.application.ask.AskTools;
import com.gymops.application.care.Actor;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code gymops mcp}: the MCP server on standard input and output, as Claude Desktop and other
 * local clients start it (docs/ASK.md). Every call is made as the one token the process was given.
 * Standard output carries the protocol only; the log goes to standard error.
 */
public final class McpStdioServer {
  static final String NAME = "gymops";
  static final String INSTRUCTIONS =
      "GymOps runs a gym's collections: past-due reminders, door locks, referrals, campaigns. The"
          + " read tools show members, runs, approvals, the schedule and today's figures of the"
          + " token's club. The request_* tools never change anything: each files an approval"
          + " that a person decides in the approvals inbox.";

  private McpStdioServer() {}

  /** Serves until the client closes standard input. */
  public static void serve(
      AskTools tools, Actor actor, String version, InputStream in, OutputStream out)
      throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    InputStream watched =
        new FilterInputStream(in) {
          @Override
          public int read() throws IOException {
            return ended(super.read());
          }

          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            return ended(super.read(buffer, offset, length));
          }

          private int ended(int read) {
            if (read < 0) {
              closed.countDown();
            }
            return read;
          }
        };
    StdioServerTransportProvider transport =
        new StdioServerTransportProvider(McpJsonDefaults.getMapper(), watched, out);
    McpSyncServer server =
        McpServer.sync(transport)
            .serverInfo(NAME, version)
            .instructions(INSTRUCTIONS)
            .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
            .tools(McpTools.of(tools, exchange -> Optional.of(actor)))
            .build();
    try {
      closed.await();
    } finally {
      server.closeGracefully();
    }
  }
}
