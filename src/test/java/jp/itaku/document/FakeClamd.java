package jp.itaku.document;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A tiny stand-in for clamd on 127.0.0.1: serves a fixed number of {@code INSTREAM}
 * connections, records exactly what it received, and answers {@code stream: OK} or, when
 * the content holds {@link #VIRUS_MARKER}, {@code stream: Eicar-Test-Signature FOUND}. (A
 * marker rather than the real EICAR string, so that no virus scanner on a developer's
 * machine quarantines this source file.) Every socket has a timeout; the thread ends by
 * itself after its connections or five idle seconds.
 */
final class FakeClamd implements AutoCloseable {

	static final String VIRUS_MARKER = "ITAKU-FAKE-VIRUS-FOR-TESTS";

	private static final int TIMEOUT_MILLIS = 5000;

	private final ServerSocket server;

	private final boolean answers;

	private final Thread thread;

	private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();

	/**
	 * Starts the server.
	 * @param connections how many connections to serve before ending
	 * @param answers whether to answer at all (false: read the request, then stay silent)
	 */
	FakeClamd(int connections, boolean answers) throws IOException {
		this.server = new ServerSocket(0, 4, InetAddress.getLoopbackAddress());
		this.server.setSoTimeout(TIMEOUT_MILLIS);
		this.answers = answers;
		this.thread = new Thread(() -> serve(connections), "fake-clamd");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	int port() {
		return this.server.getLocalPort();
	}

	/**
	 * What the next connection sent.
	 * @return the request, or {@code null} when none arrived within five seconds
	 */
	Received next() throws InterruptedException {
		return this.received.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
	}

	@Override
	public void close() throws Exception {
		this.server.close();
		this.thread.join(TIMEOUT_MILLIS);
	}

	private void serve(int connections) {
		try (this.server) {
			for (int i = 0; i < connections; i++) {
				try (Socket socket = this.server.accept()) {
					socket.setSoTimeout(TIMEOUT_MILLIS);
					Received request = read(new DataInputStream(new BufferedInputStream(socket.getInputStream())));
					this.received.add(request);
					if (this.answers) {
						OutputStream out = socket.getOutputStream();
						out.write(reply(request).getBytes(StandardCharsets.US_ASCII));
						out.flush();
					}
					else {
						// Silent until the scanner gives up and closes, or the timeout.
						socket.getInputStream().read();
					}
				}
			}
		}
		catch (IOException ex) {
			// Accept timed out, the server was closed, or the client went away: the
			// thread
			// ends.
		}
	}

	private static Received read(DataInputStream in) throws IOException {
		ByteArrayOutputStream command = new ByteArrayOutputStream();
		int b;
		do {
			b = in.read();
			if (b == -1) {
				throw new IOException("Connection closed within the command");
			}
			command.write(b);
		}
		while (b != 0 && command.size() < 64);
		List<Integer> lengths = new ArrayList<>();
		ByteArrayOutputStream content = new ByteArrayOutputStream();
		int length;
		do {
			length = in.readInt();
			lengths.add(length);
			if (length < 0 || length > 1024 * 1024) {
				break;
			}
			content.write(in.readNBytes(length));
		}
		while (length != 0);
		return new Received(command.toByteArray(), lengths, content.toByteArray());
	}

	private static String reply(Received request) {
		boolean infected = new String(request.content(), StandardCharsets.ISO_8859_1).contains(VIRUS_MARKER);
		return infected ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0";
	}

	/**
	 * One request as it arrived.
	 *
	 * @param command the command bytes up to and including the NUL
	 * @param chunkLengths the length of every chunk, the terminating zero included
	 * @param content the chunks' bytes joined
	 */
	record Received(byte[] command, List<Integer> chunkLengths, byte[] content) {
	}

}
