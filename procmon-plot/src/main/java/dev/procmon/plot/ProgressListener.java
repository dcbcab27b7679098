package dev.procmon.plot;

/** Told how far reading has got, after each block read; called on the reading thread. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = (bytesRead, totalBytes) -> {};

    /**
     * Called as the files are read.
     *
     * @param bytesRead bytes read so far from all files (compressed bytes for gzip files)
     * @param totalBytes the sum of all files' sizes
     */
    void progress(long bytesRead, long totalBytes);
}
