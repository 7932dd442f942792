/// Reads CSV as it really arrives; see CSVReader.
public enum CSVModule {}
