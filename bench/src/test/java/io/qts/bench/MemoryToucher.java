package io.qts.bench;

/** A child process for {@link PeakRssMeterTest}: holds MB megabytes, every page written, for 300 ms, then exits with CODE. */
final class MemoryToucher
{
    private MemoryToucher()
    {
    }

    public static void main(final String[] args) throws InterruptedException
    {
        final byte[] held = new byte[Integer.parseInt(args[0]) << 20];
        for (int i = 0; i < held.length; i += 4096)
        {
            held[i] = 1;
        }
        Thread.sleep(300);
        System.out.println("held " + held.length + " bytes");
        if (args.length > 1)
        {
            System.err.println("asked to fail");
            System.exit(Integer.parseInt(args[1]));
        }
    }
}
