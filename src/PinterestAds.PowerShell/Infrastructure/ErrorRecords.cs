using System;
using System.Management.Automation;

namespace PinterestAds.PowerShell.Infrastructure
{
    /// <summary>
    /// Turns exceptions into ErrorRecords with a stable error id, a precise category, the target
    /// object, and (for API failures) Pinterest's own code, message and request id in ErrorDetails.
    /// </summary>
    internal static class ErrorRecords
    {
        public static ErrorRecord From(Exception exception, object? target)
        {
            exception = Unwrap(exception);
            if (exception is PinterestException pinterest)
            {
                var record = new ErrorRecord(pinterest, pinterest.ErrorId, CategoryOf(pinterest.Kind), target);
                var details = new ErrorDetails(pinterest.Message);
                if (pinterest is PinterestValidationException validation)
                    details.RecommendedAction = $"Correct -{validation.ParameterName} and run the command again.";
                else if (pinterest is PinterestRateLimitException limit)
                    details.RecommendedAction = $"Run again after {limit.ResetsAt:u}.";
                else if (pinterest is PinterestApiException api && api.RequestId != null)
                    details.RecommendedAction = $"If this persists, give Pinterest support the request id {api.RequestId}.";
                record.ErrorDetails = details;
                return record;
            }
            if (exception is ArgumentException argument)
                return new ErrorRecord(argument, ErrorIds.InvalidArgument, ErrorCategory.InvalidArgument, target);
            return new ErrorRecord(exception, ErrorIds.UnexpectedFailure, ErrorCategory.InvalidOperation, target);
        }

        public static ErrorRecord Validation(string errorId, string parameterName, string message, object? target = null) =>
            From(new PinterestValidationException(errorId, parameterName, message), target);

        public static ErrorCategory CategoryOf(PinErrorKind kind) => kind switch
        {
            PinErrorKind.InvalidArgument => ErrorCategory.InvalidArgument,
            PinErrorKind.AuthenticationFailed => ErrorCategory.AuthenticationError,
            PinErrorKind.PermissionDenied => ErrorCategory.PermissionDenied,
            PinErrorKind.NotFound => ErrorCategory.ObjectNotFound,
            PinErrorKind.LimitsExceeded => ErrorCategory.LimitsExceeded,
            PinErrorKind.Timeout => ErrorCategory.OperationTimeout,
            PinErrorKind.ServerError => ErrorCategory.ResourceUnavailable,
            PinErrorKind.NetworkFailure => ErrorCategory.ConnectionError,
            PinErrorKind.InvalidData => ErrorCategory.InvalidData,
            PinErrorKind.NotConnected => ErrorCategory.ConnectionError,
            _ => ErrorCategory.InvalidOperation,
        };

        private static Exception Unwrap(Exception exception)
        {
            while ((exception is AggregateException || exception is System.Reflection.TargetInvocationException) && exception.InnerException != null)
                exception = exception.InnerException;
            return exception;
        }
    }
}
