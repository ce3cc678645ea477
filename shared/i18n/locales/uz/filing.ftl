# Declaration lifecycle, documents kept on the device, signing keys (uz)
filing-status-draft = qoralama
filing-status-signed = imzolangan
filing-status-queued = topshirish navbatida
filing-status-submitted = topshirilgan
filing-status-registered = roʻyxatga olingan
filing-status-cleared = rasmiylashtirilgan
filing-status-rejected = rad etilgan
filing-error-server-decides = Deklaratsiyani { $from } holatidan { $to } holatiga faqat bojxona oʻtkaza oladi.
filing-error-backwards = { $from } holatidagi deklaratsiya { $to } holatiga qaytolmaydi.
filing-error-skip = { $from } holatidagi deklaratsiya birdaniga { $to } boʻlolmaydi.
