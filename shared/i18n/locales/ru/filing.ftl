# Declaration lifecycle, documents kept on the device, signing keys (ru)
filing-status-draft = черновик
filing-status-signed = подписана
filing-status-queued = в очереди на подачу
filing-status-submitted = подана
filing-status-registered = зарегистрирована
filing-status-cleared = выпущена
filing-status-rejected = отклонена
filing-error-server-decides = Перевести декларацию из статуса «{ $from }» в «{ $to }» может только таможня.
filing-error-backwards = Декларация в статусе «{ $from }» не может вернуться в «{ $to }».
filing-error-skip = Декларация в статусе «{ $from }» не может сразу стать «{ $to }».
