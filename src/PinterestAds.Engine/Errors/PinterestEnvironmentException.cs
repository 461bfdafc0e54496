namespace PinterestAds
{
    /// <summary>
    /// The session cannot be served an operation, and nothing was sent: the sandbox lacks it
    /// (<c>NotAvailableInSandbox</c>), or the session's app token from the client_credentials grant may not
    /// call it (<c>NotAvailableWithClientCredentials</c>).
    /// </summary>
    public sealed class PinterestEnvironmentException : PinterestException
    {
        public const string SandboxErrorId = "NotAvailableInSandbox";
        public const string ClientCredentialsErrorId = "NotAvailableWithClientCredentials";

        public PinterestEnvironmentException(string errorId, PinEnvironment environment, string operationId, string message)
            : base(errorId, PinErrorKind.OperationFailed, message)
        {
            Environment = environment;
            OperationId = operationId;
        }

        public PinEnvironment Environment { get; }

        /// <summary>The operation of the API description that the session cannot be served.</summary>
        public string OperationId { get; }
    }
}
