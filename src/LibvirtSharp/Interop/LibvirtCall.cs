namespace LibvirtSharp.Interop;

/// <summary>Turns libvirt's failure returns into <see cref="LibvirtException"/> and runs blocking calls off the caller's thread.</summary>
internal static class LibvirtCall
{
    /// <summary>Throws libvirt's error when a call returned a negative status; must run on the calling thread.</summary>
    internal static int Check(int result, string operation) =>
        result < 0 ? throw LibvirtException.FromLastError(operation) : result;

    /// <summary>Throws libvirt's error when a call returned no object; must run on the calling thread.</summary>
    internal static T Check<T>(T handle, string operation)
        where T : System.Runtime.InteropServices.SafeHandle
    {
        if (handle.IsInvalid)
        {
            handle.Dispose();
            throw LibvirtException.FromLastError(operation);
        }

        return handle;
    }

    /// <summary>
    /// Runs a blocking libvirt call on the thread pool. Error capture happens inside <paramref name="call"/>, on the
    /// same thread. Cancellation stops the wait; libvirt has no way to interrupt most calls, so the call itself
    /// finishes in the background, and any handle it returns is released by its SafeHandle.
    /// </summary>
    internal static Task<T> RunAsync<T>(Func<T> call, CancellationToken cancellationToken) =>
        Task.Run(call, cancellationToken).WaitAsync(cancellationToken);

    /// <inheritdoc cref="RunAsync{T}(Func{T}, CancellationToken)"/>
    internal static Task RunAsync(Action call, CancellationToken cancellationToken) =>
        Task.Run(call, cancellationToken).WaitAsync(cancellationToken);
}
