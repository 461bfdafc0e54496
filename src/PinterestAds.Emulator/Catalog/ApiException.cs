namespace PinterestAds.Emulator.Catalog;

/// <summary>An error answered the way Pinterest answers: an HTTP status and <c>{"code", "message"}</c>.</summary>
internal sealed class ApiException : Exception
{
    public ApiException(int status, int code, string message) : base(message)
    {
        Status = status;
        Code = code;
    }

    public int Status { get; }
    public int Code { get; }

    // The codes the emulator uses; 2 (authentication) and 8 (rate limit) are Pinterest's own.
    public const int InvalidParameters = 1;
    public const int AuthenticationFailed = 2;
    public const int RateLimited = 8;
    public const int NotFound = 30;
    public const int Forbidden = 29;
    public const int ServerError = 500;

    public static ApiException BadRequest(string message) => new(400, InvalidParameters, message);
    public static ApiException NotFoundError(string message) => new(404, NotFound, message);
}
