namespace VmAddon.Patching;

/// <summary>A patch that cannot be applied; the message reads as kube-apiserver's.</summary>
public sealed class PatchException : Exception
{
    public PatchException()
    {
    }

    public PatchException(string message)
        : base(message)
    {
    }

    public PatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
