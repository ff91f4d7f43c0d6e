using Microsoft.Win32.SafeHandles;

namespace LibvirtSharp.Interop;

/// <summary>Owns one reference to a <c>virStreamPtr</c>; released with <c>virStreamFree</c>.</summary>
internal sealed class StreamHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public StreamHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => StreamNative.virStreamFree(handle) == 0;
}
