package org.cmkg.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An exclusive lock on a store directory, held for as long as the store is open, so that a
 * second {@code cmkg} process (a {@code load} while {@code serve} runs, two servers) is refused
 * with a clear message instead of corrupting the store. It is an operating-system file lock: it
 * is released when the process ends, even by SIGKILL, so a crash never leaves a stale lock. The
 * file holds the owner's PID and command for the message.
 */
public final class StoreLock implements AutoCloseable {
    /**
     * Lock files held by this JVM. A second open in the same process must be refused before it
     * touches the file: on POSIX systems closing any descriptor of a file drops all of the
     * process's locks on it, so even a failed second attempt would release the first lock.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock for {@code what} (e.g. {@code "cmkg load"}), or throws
     * {@link StoreLockedException} naming the process that holds it.
     */
    public static StoreLock acquire(Path lockFile, String what) {
        Path key = lockFile.toAbsolutePath().normalize();
        if (!HELD.add(key))
            throw new StoreLockedException("The store " + lockFile.getParent() + " is in use by process "
                    + ProcessHandle.current().pid() + " (this one: it is already open)."
                    + " Only one cmkg process can open a store, once: close it first.");
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            lock = channel.tryLock();
            if (lock == null) {
                String owner = Files.readString(lockFile, StandardCharsets.UTF_8).strip();
                channel.close();
                HELD.remove(key);
                throw new StoreLockedException("The store " + lockFile.getParent() + " is in use"
                        + (owner.isEmpty() ? "" : " by " + owner)
                        + ". Only one cmkg process can open a store: stop the other one (or use another --store), then retry.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + " (" + what + ")")
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new StoreLock(lockFile, channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            HELD.remove(key);
            throw new UncheckedIOException("Cannot lock " + lockFile + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        try {
            if (lock.isValid())
                lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release " + file, e);
        } finally {
            HELD.remove(file.toAbsolutePath().normalize());
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null)
            return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // already failing
        }
    }
}
