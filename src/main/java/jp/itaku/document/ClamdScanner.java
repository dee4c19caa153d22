package jp.itaku.document;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A {@link VirusScanner} that asks a ClamAV daemon (clamd) over TCP with its
 * {@code INSTREAM} command: {@code zINSTREAM\0}, then the content in chunks each preceded
 * by its length as a 4-byte big-endian integer, then a chunk of length zero; clamd
 * answers {@code stream: OK} or {@code stream: <signature> FOUND}, ended by {@code \0}.
 * clamd's {@code StreamMaxLength} (default 25 MB) must be at least
 * {@code itaku.documents.max-size}. Serves the virus-check clauses (Setagaya clause 21,
 * Nerima 第18条⑷キ).
 */
class ClamdScanner implements VirusScanner {

	/** The size of the chunks sent; every chunk but the last is exactly this long. */
	static final int CHUNK_SIZE = 8192;

	private static final byte[] COMMAND = "zINSTREAM\0".getBytes(StandardCharsets.US_ASCII);

	private static final int MAX_REPLY = 4096;

	private final String host;

	private final int port;

	private final int connectTimeoutMillis;

	private final int readTimeoutMillis;

	/**
	 * Creates the scanner.
	 * @param host clamd's host
	 * @param port clamd's TCP port (usually 3310)
	 * @param connectTimeout how long to wait for the connection
	 * @param readTimeout how long to wait for each read, including clamd's answer after
	 * the whole file was sent
	 */
	ClamdScanner(String host, int port, Duration connectTimeout, Duration readTimeout) {
		this.host = host;
		this.port = port;
		this.connectTimeoutMillis = Math.toIntExact(connectTimeout.toMillis());
		this.readTimeoutMillis = Math.toIntExact(readTimeout.toMillis());
	}

	@Override
	public ScanResult scan(InputStream content) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(this.host, this.port), this.connectTimeoutMillis);
			socket.setSoTimeout(this.readTimeoutMillis);
			send(content, socket.getOutputStream());
			return interpret(readReply(socket.getInputStream()));
		}
		catch (IOException | RuntimeException ex) {
			return ScanResult.failed("clamd at " + this.host + ":" + this.port + ": " + ex);
		}
	}

	@Override
	public String toString() {
		return "clamd at " + this.host + ":" + this.port;
	}

	private static void send(InputStream content, OutputStream socket) throws IOException {
		DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket, CHUNK_SIZE + 4));
		out.write(COMMAND);
		byte[] chunk = new byte[CHUNK_SIZE];
		int read;
		while ((read = content.readNBytes(chunk, 0, CHUNK_SIZE)) > 0) {
			out.writeInt(read);
			out.write(chunk, 0, read);
		}
		out.writeInt(0);
		out.flush();
	}

	private static String readReply(InputStream in) throws IOException {
		ByteArrayOutputStream reply = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) > 0 && reply.size() < MAX_REPLY) {
			reply.write(b);
		}
		return reply.toString(StandardCharsets.UTF_8).strip();
	}

	/**
	 * Reads clamd's answer.
	 * @param reply the answer without its terminator, e.g. {@code stream: OK}
	 * @return the result it means
	 */
	static ScanResult interpret(String reply) {
		String answer = reply.startsWith("stream: ") ? reply.substring("stream: ".length()) : reply;
		if (answer.equals("OK")) {
			return ScanResult.clean();
		}
		if (answer.endsWith(" FOUND")) {
			return ScanResult.infected(answer.substring(0, answer.length() - " FOUND".length()).strip());
		}
		if (answer.isEmpty()) {
			return ScanResult.failed("clamd closed the connection without an answer");
		}
		return ScanResult.failed("clamd answered: " + reply);
	}

}
