using System.Runtime.InteropServices;

namespace VmAddon.DevCluster.Streaming;

/// <summary>The few libc calls .NET has no API for: pseudo-terminals, window sizes, appends that stay whole between writers, and signal dispositions.</summary>
internal static class Libc
{
    // x86_64 and aarch64 share these values.
    public const int OpenWriteOnly = 0x1;
    public const int OpenReadWrite = 0x2;
    public const int OpenCreate = 0x40;
    public const int OpenNoControllingTty = 0x100;
    public const int OpenAppend = 0x400;
    public const int OpenCloseOnExec = 0x80000;

    public const int Interrupted = 4;
    public const int InputOutputError = 5;

    public const nuint SetWindowSize = 0x5414;
    public const nuint GetWindowSize = 0x5413;

    private const string Library = "libc.so.6";

    [DllImport(Library, SetLastError = true)]
    public static extern int posix_openpt(int flags);

    [DllImport(Library, SetLastError = true)]
    public static extern int grantpt(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern int unlockpt(int fd);

    [DllImport(Library, SetLastError = true)]
    public static extern int ptsname_r(int fd, byte[] buffer, nuint length);

    [DllImport(Library, SetLastError = true)]
    public static extern int ioctl(int fd, nuint request, ref WindowSize size);

    [DllImport(Library, SetLastError = true)]
    public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, int mode);

    [DllImport(Library, SetLastError = true)]
    public static extern nint read(int fd, ref byte buffer, nint count);

    [DllImport(Library, SetLastError = true)]
    public static extern nint write(int fd, ref byte buffer, nint count);

    [DllImport(Library, SetLastError = true)]
    public static extern int close(int fd);

    /// <summary>signal(2): sets a signal's disposition and returns the previous one (SIG_DFL is 0, SIG_IGN is 1).</summary>
    [DllImport(Library, SetLastError = true)]
    public static extern nint signal(int signal, nint handler);

    /// <summary>Throws an IOException naming the failed call and errno's text.</summary>
    public static IOException Error(string call)
    {
        var errno = Marshal.GetLastPInvokeError();
        return new IOException($"{call} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})", errno);
    }

    /// <summary>struct winsize.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct WindowSize
    {
        public ushort Rows;
        public ushort Columns;
        public ushort XPixels;
        public ushort YPixels;
    }

    /// <summary>Writes all of <paramref name="data"/>, retrying after interrupts and short writes.</summary>
    public static void WriteAll(int fd, ReadOnlySpan<byte> data, string what)
    {
        while (!data.IsEmpty)
        {
            var written = write(fd, ref MemoryMarshal.GetReference(data), data.Length);
            if (written < 0)
            {
                if (Marshal.GetLastPInvokeError() == Interrupted)
                {
                    continue;
                }

                throw Error($"write to {what}");
            }

            data = data[(int)written..];
        }
    }
}
