package jp.itaku.bench;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Response times per request name, so that the benchmark can print percentiles and
 * throughput for each page (Gatling's console prints them only for all requests
 * together).
 */
final class LatencyRecorder {

	private static final Map<String, ConcurrentLinkedQueue<Integer>> TIMES = new ConcurrentHashMap<>();

	private static final Map<String, AtomicLong> FIRST = new ConcurrentHashMap<>();

	private static final Map<String, AtomicLong> LAST = new ConcurrentHashMap<>();

	private LatencyRecorder() {
	}

	static void record(String name, int millis) {
		long now = System.nanoTime();
		TIMES.computeIfAbsent(name, (n) -> new ConcurrentLinkedQueue<>()).add(millis);
		FIRST.computeIfAbsent(name, (n) -> new AtomicLong(now));
		LAST.computeIfAbsent(name, (n) -> new AtomicLong()).accumulateAndGet(now, Math::max);
	}

	static String report(String name) {
		ConcurrentLinkedQueue<Integer> times = TIMES.get(name);
		if (times == null || times.isEmpty()) {
			return name + ": no requests";
		}
		int[] sorted = times.stream().mapToInt(Integer::intValue).sorted().toArray();
		double seconds = Math.max(1e-9, (LAST.get(name).get() - FIRST.get(name).get()) / 1e9);
		return String.format(Locale.ROOT, "%s: %d requests, p50 %d ms, p95 %d ms, p99 %d ms, max %d ms, %.1f req/s",
				name, sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
				sorted[sorted.length - 1], sorted.length / seconds);
	}

	/**
	 * Returns a percentile of a request's response times.
	 * @param name the request
	 * @param p the percentile
	 * @return in ms, 0 without requests
	 */
	static int percentile(String name, int p) {
		int[] sorted = all(name);
		Arrays.sort(sorted);
		return (sorted.length == 0) ? 0 : percentile(sorted, p);
	}

	/**
	 * Returns a request's throughput, from its first answer to its last.
	 * @param name the request
	 * @return requests per second, 0 without requests
	 */
	static double throughput(String name) {
		ConcurrentLinkedQueue<Integer> times = TIMES.get(name);
		if (times == null || times.isEmpty()) {
			return 0;
		}
		return times.size() / Math.max(1e-9, (LAST.get(name).get() - FIRST.get(name).get()) / 1e9);
	}

	private static int percentile(int[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	static int[] all(String name) {
		return TIMES.getOrDefault(name, new ConcurrentLinkedQueue<>()).stream().mapToInt(Integer::intValue).toArray();
	}

	static String names() {
		return Arrays.toString(TIMES.keySet().toArray());
	}

}
