using System;

namespace PinterestAds
{
    /// <summary>
    /// Base of every error the module raises on purpose. <see cref="ErrorId"/> is stable (tests and
    /// scripts may match on it) and <see cref="Exception.Message"/> says what went wrong and how to fix it.
    /// </summary>
    public class PinterestException : Exception
    {
        public PinterestException(string errorId, PinErrorKind kind, string message, Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Kind = kind;
        }

        /// <summary>A stable PascalCase identifier of this failure.</summary>
        public string ErrorId { get; }

        public PinErrorKind Kind { get; }
    }
}
