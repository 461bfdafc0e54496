namespace PinterestAds
{
    /// <summary>
    /// Every error id the module raises: one stable PascalCase name per condition. Scripts and tests match
    /// on these, so a name never changes once released (CHANGELOG records them). Raise errors with these
    /// constants, never with a literal; <c>ErrorIdTableTests</c> fails on a literal id in the sources and on
    /// a test asserting an id that is not here. Naming: the subject first, then what is wrong with it
    /// (<c>OutFileInvalid</c>, <c>EndDateBeforeStartDate</c>, <c>ReportDownloadTruncated</c>).
    /// </summary>
    public static class ErrorIds
    {
        // Session, connection and credentials
        public const string AccessTokenEmpty = nameof(AccessTokenEmpty);
        public const string NoCredentials = nameof(NoCredentials);
        public const string NotConnected = nameof(NotConnected);
        public const string SessionClosed = nameof(SessionClosed);
        public const string NotAuthenticated = nameof(NotAuthenticated);
        public const string CannotRefreshToken = nameof(CannotRefreshToken);
        public const string ApiBaseUriInvalid = nameof(ApiBaseUriInvalid);
        public const string ApiBaseUriNoVersion = nameof(ApiBaseUriNoVersion);
        public const string ApiBaseUriNotAbsolute = nameof(ApiBaseUriNotAbsolute);
        public const string ApiBaseUriNotSecure = nameof(ApiBaseUriNotSecure);
        public const string RedirectUriNotLoopback = nameof(RedirectUriNotLoopback);
        public const string RequestsPerMinuteInvalid = nameof(RequestsPerMinuteInvalid);
        public const string RequestsPerMinuteUnknownCategory = nameof(RequestsPerMinuteUnknownCategory);
        public const string InteractiveLoginDenied = nameof(InteractiveLoginDenied);
        public const string InteractiveLoginStateMismatch = nameof(InteractiveLoginStateMismatch);
        public const string InteractiveLoginTimedOut = nameof(InteractiveLoginTimedOut);
        public const string NotAvailableInSandbox = nameof(NotAvailableInSandbox);
        public const string NotAvailableWithClientCredentials = nameof(NotAvailableWithClientCredentials);

        // Token endpoint answers
        public const string RefreshTokenRejected = nameof(RefreshTokenRejected);
        public const string AuthorizationCodeRejected = nameof(AuthorizationCodeRejected);
        public const string ClientCredentialsRejected = nameof(ClientCredentialsRejected);
        public const string ClientAuthenticationFailed = nameof(ClientAuthenticationFailed);
        public const string TokenEndpointUnavailable = nameof(TokenEndpointUnavailable);
        public const string TokenRequestFailed = nameof(TokenRequestFailed);
        public const string TokenResponseInvalid = nameof(TokenResponseInvalid);

        // API answers (status codes, transport, hostile bodies)
        public const string ApiBadRequest = nameof(ApiBadRequest);
        public const string AuthenticationFailed = nameof(AuthenticationFailed);
        public const string PermissionDenied = nameof(PermissionDenied);
        public const string NotFound = nameof(NotFound);
        public const string RateLimitExceeded = nameof(RateLimitExceeded);
        public const string ServerError = nameof(ServerError);
        public const string ApiError = nameof(ApiError);
        public const string ApiResponseInvalid = nameof(ApiResponseInvalid);
        public const string ResponseTooLarge = nameof(ResponseTooLarge);
        public const string NetworkFailure = nameof(NetworkFailure);
        public const string RequestTimedOut = nameof(RequestTimedOut);
        public const string OperationTimedOut = nameof(OperationTimedOut);
        public const string BookmarkRepeated = nameof(BookmarkRepeated);
        public const string EmptyPagesBeyondCap = nameof(EmptyPagesBeyondCap);

        // Ids (given, piped or in a request)
        public const string AdAccountIdRequired = nameof(AdAccountIdRequired);
        public const string IdRequired = nameof(IdRequired);
        public const string CampaignIdRequired = nameof(CampaignIdRequired);
        public const string IdMissing = nameof(IdMissing);
        public const string IdNotNumeric = nameof(IdNotNumeric);
        public const string IdPatternMismatch = nameof(IdPatternMismatch);
        public const string IdTooLong = nameof(IdTooLong);
        public const string IdNotApplicable = nameof(IdNotApplicable);
        public const string TooManyIds = nameof(TooManyIds);
        public const string AggregateTooManyIds = nameof(AggregateTooManyIds);
        public const string IdListFinerThanLevel = nameof(IdListFinerThanLevel);
        public const string InputObjectIdMissing = nameof(InputObjectIdMissing);
        public const string InputObjectLevelInvalid = nameof(InputObjectLevelInvalid);

        // Dates and windows
        public const string EndDateBeforeStartDate = nameof(EndDateBeforeStartDate);
        public const string StartDateBeyondLookback = nameof(StartDateBeyondLookback);
        public const string StartDateInFuture = nameof(StartDateInFuture);
        public const string SpanTooLong = nameof(SpanTooLong);
        public const string SpanTooLongForGranularity = nameof(SpanTooLongForGranularity);
        public const string TotalSpanTooLong = nameof(TotalSpanTooLong);
        public const string DateMissing = nameof(DateMissing);
        public const string HourNeedsHourGranularity = nameof(HourNeedsHourGranularity);

        // Reporting query: levels, columns, values
        public const string LevelRequired = nameof(LevelRequired);
        public const string LevelMismatch = nameof(LevelMismatch);
        public const string LevelNotSupported = nameof(LevelNotSupported);
        public const string ColumnRequired = nameof(ColumnRequired);
        public const string UnknownColumn = nameof(UnknownColumn);
        public const string MetricNotFound = nameof(MetricNotFound);
        public const string ParameterNotApplicable = nameof(ParameterNotApplicable);
        public const string ValueNotAllowed = nameof(ValueNotAllowed);
        public const string ValueOutOfRange = nameof(ValueOutOfRange);
        public const string TooManyValues = nameof(TooManyValues);
        public const string AttributionWindowInvalid = nameof(AttributionWindowInvalid);
        public const string TargetingTypeRequired = nameof(TargetingTypeRequired);
        public const string TargetingTypeNotSupported = nameof(TargetingTypeNotSupported);
        public const string TargetingTypeNotAtLevel = nameof(TargetingTypeNotAtLevel);
        public const string AdColumnNotAllowed = nameof(AdColumnNotAllowed);
        public const string AdFilterNotAllowed = nameof(AdFilterNotAllowed);
        public const string MetricsFilterInvalid = nameof(MetricsFilterInvalid);
        public const string MetricsFilterNoValue = nameof(MetricsFilterNoValue);
        public const string CustomConversionEventMetricInvalid = nameof(CustomConversionEventMetricInvalid);
        public const string ConversionColumnsAtHour = nameof(ConversionColumnsAtHour);
        public const string TotalNotMergeable = nameof(TotalNotMergeable);
        public const string ThrottleLimitOutOfRange = nameof(ThrottleLimitOutOfRange);
        public const string AsyncNotInSandbox = nameof(AsyncNotInSandbox);
        public const string BeyondSyncLimitsInSandbox = nameof(BeyondSyncLimitsInSandbox);
        public const string MetricsNotFinal = nameof(MetricsNotFinal);
        public const string ProductGroupFilterRequired = nameof(ProductGroupFilterRequired);
        public const string ProductGroupFilterConflict = nameof(ProductGroupFilterConflict);
        public const string RequiredFieldMissing = nameof(RequiredFieldMissing);

        // Report jobs, waiting and downloads
        public const string ReportNameRequired = nameof(ReportNameRequired);
        public const string ReportTokenMissing = nameof(ReportTokenMissing);
        public const string ReportWaitTimedOut = nameof(ReportWaitTimedOut);
        public const string ReportNotFinished = nameof(ReportNotFinished);
        public const string ReportFailed = nameof(ReportFailed);
        public const string ReportExpired = nameof(ReportExpired);
        public const string ReportCancelled = nameof(ReportCancelled);
        public const string ReportDoesNotExist = nameof(ReportDoesNotExist);
        public const string ReportLinkMissing = nameof(ReportLinkMissing);
        public const string ReportLinkInvalid = nameof(ReportLinkInvalid);
        public const string ReportDownloadFailed = nameof(ReportDownloadFailed);
        public const string ReportDownloadStalled = nameof(ReportDownloadStalled);
        public const string ReportDownloadTruncated = nameof(ReportDownloadTruncated);
        public const string ReportDownloadTooLarge = nameof(ReportDownloadTooLarge);
        public const string ReportDecompressedTooLarge = nameof(ReportDecompressedTooLarge);
        public const string ReportDownloadCorrupt = nameof(ReportDownloadCorrupt);
        public const string ReportFormatInvalid = nameof(ReportFormatInvalid);
        public const string ReportPartsIncomplete = nameof(ReportPartsIncomplete);
        public const string OutFileInvalid = nameof(OutFileInvalid);
        public const string OutFileNotFileSystem = nameof(OutFileNotFileSystem);
        public const string OutFileNotWritable = nameof(OutFileNotWritable);
        public const string ReportTokenUnsafeAsFileName = nameof(ReportTokenUnsafeAsFileName);

        // Bulk downloads
        public const string BulkRequestIdMissing = nameof(BulkRequestIdMissing);
        public const string BulkRequestNotFound = nameof(BulkRequestNotFound);
        public const string BulkStatusMissing = nameof(BulkStatusMissing);
        public const string BulkStatusUnknown = nameof(BulkStatusUnknown);
        public const string CampaignTimeRangeReversed = nameof(CampaignTimeRangeReversed);
        public const string UpdatedSinceInFuture = nameof(UpdatedSinceInFuture);

        // Sync-PinAnalytics
        public const string SyncAccountsFailed = nameof(SyncAccountsFailed);
        public const string SyncConnectionFailed = nameof(SyncConnectionFailed);
        public const string SyncConnectionStringInvalid = nameof(SyncConnectionStringInvalid);
        public const string SyncDefinitionMismatch = nameof(SyncDefinitionMismatch);
        public const string SyncDestinationAmbiguous = nameof(SyncDestinationAmbiguous);
        public const string SyncDestinationFolderIsFile = nameof(SyncDestinationFolderIsFile);
        public const string SyncDestinationIsFile = nameof(SyncDestinationIsFile);
        public const string SyncDestinationIsFolder = nameof(SyncDestinationIsFolder);
        public const string SyncDestinationLocked = nameof(SyncDestinationLocked);
        public const string SyncDestinationNotSqlite = nameof(SyncDestinationNotSqlite);
        public const string SyncDestinationRequired = nameof(SyncDestinationRequired);
        public const string SyncDestinationTypeUnknown = nameof(SyncDestinationTypeUnknown);
        public const string SyncGranularityNotSupported = nameof(SyncGranularityNotSupported);
        public const string SyncLevelNotSupported = nameof(SyncLevelNotSupported);
        public const string SyncStateUnreadable = nameof(SyncStateUnreadable);
        public const string SyncTableNameInvalid = nameof(SyncTableNameInvalid);
        public const string SyncTableNotOurs = nameof(SyncTableNotOurs);
        public const string RestateDaysOutOfRange = nameof(RestateDaysOutOfRange);

        // Failures that are not the module's own (mapped by ErrorRecords)
        public const string InvalidArgument = nameof(InvalidArgument);
        public const string UnexpectedFailure = nameof(UnexpectedFailure);
    }
}
