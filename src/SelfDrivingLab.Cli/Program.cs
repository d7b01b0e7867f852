return await SelfDrivingLab.Cli.SdlCommandLine.RunAsync(args).ConfigureAwait(false);
