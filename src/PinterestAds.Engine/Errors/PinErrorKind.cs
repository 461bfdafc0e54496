namespace PinterestAds
{
    /// <summary>What kind of failure an error is; the cmdlets map it to a PowerShell ErrorCategory.</summary>
    public enum PinErrorKind
    {
        InvalidArgument,
        AuthenticationFailed,
        PermissionDenied,
        NotFound,
        LimitsExceeded,
        Timeout,
        ServerError,
        NetworkFailure,
        InvalidData,
        OperationFailed,
        NotConnected,
    }
}
