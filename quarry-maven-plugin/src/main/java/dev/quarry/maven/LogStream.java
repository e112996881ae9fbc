package dev.quarry.maven;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.Charset;
import org.apache.maven.plugin.logging.Log;

/** The command's output, a line at a time, into Maven's log: standard output as info, errors as error. */
final class LogStream extends OutputStream {
    private final Log log;
    private final boolean error;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LogStream(Log log, boolean error) {
        this.log = log;
        this.error = error;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
        } else if (b != '\r') {
            line.write(b);
        }
    }

    private void emit() {
        String text = line.toString(Charset.defaultCharset()); // QuarryCli writes in the default charset
        line.reset();
        if (error) {
            log.error(text);
        } else {
            log.info(text);
        }
    }

    @Override
    public synchronized void close() {
        if (line.size() > 0) {
            emit();
        }
    }
}
