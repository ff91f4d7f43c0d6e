namespace VmAddon.Patching;

/// <summary>A patch that cannot be applied; the message and HTTP status read as kube-apiserver's.</summary>
public sealed class PatchException : Exception
{
    /// <summary>422: kube-apiserver answers a patch that does not apply with UnprocessableEntity.</summary>
    public const int Unprocessable = 422;

    /// <summary>400: a malformed strategic directive is a BadRequest.</summary>
    public const int BadRequest = 400;

    /// <summary>413: more JSON Patch operations than kube-apiserver allows.</summary>
    public const int TooLarge = 413;

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

    public PatchException(string message, int statusCode)
        : base(message) => StatusCode = statusCode;

    /// <summary>The HTTP status kube-apiserver sends for this failure.</summary>
    public int StatusCode { get; } = Unprocessable;
}
