"""Chinese (zh_CN) translations of the core's messages: English source -> Chinese."""

ZH_CN: dict[str, str] = {}
