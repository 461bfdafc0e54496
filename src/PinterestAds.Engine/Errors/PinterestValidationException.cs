namespace PinterestAds
{
    /// <summary>
    /// Input that the API would refuse, caught before any request is sent. The message names the
    /// parameter, the limit and the fix.
    /// </summary>
    public sealed class PinterestValidationException : PinterestException
    {
        public PinterestValidationException(string errorId, string parameterName, string message)
            : base(errorId, PinErrorKind.InvalidArgument, message)
        {
            ParameterName = parameterName;
        }

        /// <summary>The PowerShell parameter (or API field) at fault.</summary>
        public string ParameterName { get; }
    }
}
