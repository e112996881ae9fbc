package dev.quarry.compiledqueries;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a check from 16 threads started together, for the tests of what the caches share between threads. */
final class SixteenThreads {
    /** One round of one thread: {@code null} when it saw what it should, else what went wrong. */
    interface Round {
        String check(int thread, int round) throws Exception;
    }

    private SixteenThreads() {}

    /**
     * Runs {@code rounds} rounds on each of 16 threads at once; returns what went wrong (empty when
     * nothing did) after checking that every round ran.
     */
    static List<String> run(int rounds, Round round) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        Queue<String> wrong = new ConcurrentLinkedQueue<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> done = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                int checked = 0;
                for (int i = 0; i < rounds; i++) {
                    String w = round.check(thread, i);
                    if (w != null) {
                        wrong.add(w);
                    }
                    checked++;
                }
                return checked;
            }));
        }
        start.countDown();
        int total = 0;
        try {
            for (Future<Integer> f : done) {
                total += f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdown();
        }
        if (total != 16 * rounds) {
            wrong.add("only " + total + " of " + 16 * rounds + " rounds ran");
        }
        return List.copyOf(wrong);
    }
}
