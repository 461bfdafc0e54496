namespace PinterestAds
{
    /// <summary>
    /// The session cannot be served an operation, and nothing was sent: the sandbox lacks it
    /// (<see cref="ErrorIds.NotAvailableInSandbox"/>), or the session's app token from the client_credentials grant may not
    /// call it (<see cref="ErrorIds.NotAvailableWithClientCredentials"/>).
    /// </summary>
    public sealed class PinterestEnvironmentException : PinterestException
    {
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
